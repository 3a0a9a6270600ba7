/**
 * WhatsApp plays voice notes as OGG/Opus; Chromium's MediaRecorder records Opus only in
 * WebM. The Opus packets are the same in both: this remuxer reads them out of the WebM
 * (EBML: Tracks → CodecPrivate = OpusHead, Clusters → SimpleBlocks) and writes them as Ogg
 * pages (RFC 3533, RFC 7845) with the granule positions Opus needs. No decoding, no
 * dependency; pure, so the unit tests run it on bytes. No npm package does this small job
 * without shipping a whole ffmpeg build in WebAssembly.
 */

const ID = {
  segment: 0x18538067,
  cluster: 0x1f43b675,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  blockGroup: 0xa0,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  simpleBlock: 0xa3,
  block: 0xa1,
} as const;
/** Containers the scan walks into (their sizes may be "unknown" in a live recording). */
const MASTERS = new Set<number>([ID.segment, ID.cluster, ID.tracks, ID.trackEntry, ID.blockGroup]);

export class RemuxError extends Error {}

type Vint = { value: number; length: number; unknown: boolean };

/** An EBML variable-length integer; `keepMarker` for element ids. */
function readVint(b: Uint8Array, at: number, keepMarker: boolean): Vint {
  const first = b[at];
  if (first === undefined || first === 0) throw new RemuxError('bad EBML number');
  const length = Math.clz32(first) - 23;
  if (at + length > b.length) throw new RemuxError('truncated EBML number');
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = b[at + i] ?? 0;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

/** Where the codec's header and the audio packets are, in order. */
function readWebm(b: Uint8Array): { head: Uint8Array | null; packets: Uint8Array[] } {
  let pos = 0;
  let head: Uint8Array | null = null;
  let codec = '';
  const packets: Uint8Array[] = [];
  while (pos < b.length) {
    const id = readVint(b, pos, true);
    const size = readVint(b, pos + id.length, false);
    const start = pos + id.length + size.length;
    if (MASTERS.has(id.value)) {
      pos = start; // walk in: children follow
      continue;
    }
    if (size.unknown) throw new RemuxError('element of unknown size');
    const end = Math.min(start + size.value, b.length); // a cut-off last block is dropped below
    const data = b.subarray(start, end);
    if (id.value === ID.codecId) codec = new TextDecoder().decode(data);
    else if (id.value === ID.codecPrivate) head = data.slice();
    else if ((id.value === ID.simpleBlock || id.value === ID.block) && end === start + size.value) {
      const track = readVint(data, 0, false);
      const flags = data[track.length + 2] ?? 0;
      if ((flags & 0x06) !== 0) throw new RemuxError('laced blocks are not supported');
      packets.push(data.slice(track.length + 3));
    }
    pos = start + size.value;
  }
  if (codec !== 'A_OPUS') throw new RemuxError(`not Opus audio (${codec || 'no codec'})`);
  return { head, packets };
}

/** Samples at 48 kHz in an Opus packet (RFC 6716 §3.1: the TOC byte). */
export function opusSamples(packet: Uint8Array): number {
  const toc = packet[0] ?? 0;
  const config = toc >> 3;
  const tenthsMs =
    config < 12
      ? [100, 200, 400, 600][config % 4]
      : config < 16
        ? [100, 200][config % 2]
        : [25, 50, 100, 200][config % 4];
  const count = toc & 3;
  const frames = count === 0 ? 1 : count === 3 ? (packet[1] ?? 0) & 0x3f : 2;
  return ((tenthsMs ?? 200) * 48 * frames) / 10;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    t[i] = r >>> 0;
  }
  return t;
})();

/** Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, initial 0). */
export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc;
}

function page(packets: Uint8Array[], granule: number, serial: number, seq: number, flags: number): Uint8Array {
  const lacing: number[] = [];
  for (const p of packets) {
    for (let left = p.length; ; left -= 255) {
      lacing.push(Math.min(left, 255));
      if (left < 255) break;
    }
  }
  const bodyLength = packets.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(27 + lacing.length + bodyLength);
  const view = new DataView(out.buffer);
  out.set([0x4f, 0x67, 0x67, 0x53, 0, flags]); // "OggS", version 0
  view.setUint32(6, granule % 2 ** 32, true);
  view.setUint32(10, Math.floor(granule / 2 ** 32), true);
  view.setUint32(14, serial, true);
  view.setUint32(18, seq, true);
  out[26] = lacing.length;
  out.set(lacing, 27);
  let at = 27 + lacing.length;
  for (const p of packets) {
    out.set(p, at);
    at += p.length;
  }
  view.setUint32(22, oggCrc(out), true);
  return out;
}

function opusTags(): Uint8Array {
  const vendor = new TextEncoder().encode('Blazz Desk');
  const out = new Uint8Array(8 + 4 + vendor.length + 4);
  out.set(new TextEncoder().encode('OpusTags'));
  new DataView(out.buffer).setUint32(8, vendor.length, true);
  out.set(vendor, 12);
  return out; // zero user comments
}

/** A WebM/Opus recording as an Ogg/Opus file, the same packets in the same order. */
export function webmOpusToOgg(webm: Uint8Array, serial = 0x426c617a): Uint8Array<ArrayBuffer> {
  const { head, packets } = readWebm(webm);
  if (!head || new TextDecoder().decode(head.subarray(0, 8)) !== 'OpusHead') throw new RemuxError('no OpusHead');
  if (packets.length === 0) throw new RemuxError('no audio');
  const pages: Uint8Array[] = [page([head], 0, serial, 0, 0x02), page([opusTags()], 0, serial, 1, 0)];
  let granule = 0;
  let batch: Uint8Array[] = [];
  let segments = 0;
  const flush = (last: boolean) => {
    pages.push(page(batch, granule, serial, pages.length, last ? 0x04 : 0));
    batch = [];
    segments = 0;
  };
  packets.forEach((p, i) => {
    const need = Math.floor(p.length / 255) + 1;
    if (segments + need > 255 || batch.length >= 50) flush(false);
    batch.push(p);
    segments += need;
    granule += opusSamples(p);
    if (i === packets.length - 1) flush(true);
  });
  const total = pages.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of pages) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
