/**
 * Raw WhatsApp Web model data, as window.WWebJS hands it to whatsapp-web.js: the fake
 * Client (fake-wweb.ts) builds the library's own classes from it. Apart from the Client
 * because tests build such data without any Client (ids, mapping), and the Client's
 * behaviour is a concern of its own.
 */

export const ME = '628999000111@c.us';

/** Raw WhatsApp Web message model fields (what window.WWebJS.getMessageModel returns). */
export type RawMessage = {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string; participant?: string };
  type: string;
  t: number;
  from: string;
  to: string;
  body?: string;
  caption?: string;
  author?: string;
  ack?: number;
  notifyName?: string;
  directPath?: string;
  mimetype?: string;
  filename?: string;
  size?: number;
  width?: number;
  height?: number;
  duration?: string;
  lat?: number;
  lng?: number;
  loc?: string;
  vcardList?: Array<{ vcard: string }>;
  quotedMsg?: object;
  quotedStanzaID?: string;
  quotedParticipant?: string;
  latestEditMsgKey?: object;
  latestEditSenderTimestampMs?: number;
  isNewMsg?: boolean;
  /** Who the body @mentions; Message.mentionedIds reads it as it comes. */
  mentionedJidList?: Array<string | { _serialized: string }>;
};

export type RawChat = {
  id: { _serialized: string };
  formattedTitle: string;
  isGroup: boolean;
  unreadCount: number;
  t: number;
  archive?: boolean;
  pin?: number;
  isMuted?: boolean;
};

let counter = 0;

/** A number for a made-up id, new on every call (stanzas, edit keys, reactions, notices). */
export const nextSeq = (): number => ++counter;

/** A raw message in `chat` from `sender` (or from us), `secondsAgo` before now. */
export function rawMessage(
  p: Partial<RawMessage> & {
    chat: string;
    type?: string;
    fromMe?: boolean;
    sender?: string;
    secondsAgo?: number;
    stanza?: string;
  },
): RawMessage {
  const fromMe = p.fromMe ?? false;
  const stanza = p.stanza ?? `3EB0${nextSeq().toString(16).toUpperCase().padStart(16, '0')}`;
  const isGroup = p.chat.endsWith('@g.us');
  const participant = isGroup && !fromMe ? (p.sender ?? '628111222333@c.us') : undefined;
  const serialized = `${fromMe}_${p.chat}_${stanza}${participant ? `_${participant}` : ''}`;
  const { chat, sender, secondsAgo, stanza: _s, fromMe: _f, ...rest } = p;
  void _s;
  void _f;
  return {
    id: { fromMe, remote: chat, id: stanza, _serialized: serialized, ...(participant ? { participant } : {}) },
    type: 'chat',
    t: Math.floor(Date.now() / 1000) - (secondsAgo ?? 0),
    from: fromMe ? ME : isGroup ? chat : (sender ?? chat),
    to: fromMe ? chat : ME,
    ack: fromMe ? 1 : 0,
    ...(participant ? { author: participant } : {}),
    isNewMsg: true,
    ...rest,
  };
}
