/**
 * How the Redis adapter encodes what it relays between nodes. Our packets are plain JSON
 * (no binary attachments: media goes over HTTP), and V8's native JSON is several times
 * cheaper than the default (notepack's msgpack, in JavaScript) for packets full of message
 * text. Every node of a deployment must use the same codec.
 *
 * A node is subscribed to the channel it publishes on, so Redis hands every broadcast back
 * to its sender, which parsed the whole packet only to drop it for carrying its own uid.
 * The codec remembers the uids it encoded broadcasts for (`[uid, packet, opts]`) and
 * answers such echoes with `[uid]` without parsing them: the adapter compares the uid
 * first and ignores the message.
 *
 * It encodes to a Buffer, not a string: the Redis client writes a Buffer argument as it is,
 * while a string argument is measured (Buffer.byteLength) and concatenated into the
 * command's text before the socket encodes it again, a copy of a push's ≈ 400 KB packet
 * per broadcast.
 */

const OPEN = '["';
/** uid2(6) ids are 8 base64url characters; anything far longer is not a uid. */
const MAX_UID = 64;

/** The uid a broadcast starts with (`["<uid>",…`), without parsing the rest. */
export function leadingUid(msg: Buffer | string): string | null {
  const head = typeof msg === 'string' ? msg.slice(0, MAX_UID + 3) : msg.toString('latin1', 0, MAX_UID + 3);
  if (!head.startsWith(OPEN)) return null;
  const end = head.indexOf('"', OPEN.length);
  if (end < 0 || head[end + 1] !== ',') return null;
  return head.slice(OPEN.length, end);
}

export type RelayCodec = {
  encode(msg: unknown): Buffer;
  decode(msg: Buffer | string): unknown;
};

export function createRelayCodec(): RelayCodec {
  const own = new Set<string>();
  return {
    encode(msg) {
      if (Array.isArray(msg) && typeof msg[0] === 'string') own.add(msg[0]);
      return Buffer.from(JSON.stringify(msg));
    },
    decode(msg) {
      const uid = leadingUid(msg);
      if (uid !== null && own.has(uid)) return [uid];
      return JSON.parse(String(msg)) as unknown;
    },
  };
}
