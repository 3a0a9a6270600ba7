/**
 * The simulated WhatsApp network of one account: who writes, when and what. Message k is a
 * pure function of (seed, k), and its time a pure function of k, so the world needs no
 * storage: after a crash or an offline spell the same messages can be regenerated for
 * catch-up, which is exactly what a real WhatsApp server does for a linked device.
 */
import type { MessageType } from '../../../../common/domain';
import type { ChatInput, ContactInput, MessageInput } from '../../../../common/ingest';
import type { Language } from './phrases';
import { emojis, languageMix, languages } from './phrases';
import type { Rng } from './rng';
import { hashOf, rngOf } from './rng';

export type SimPerson = {
  readonly jid: string;
  readonly phone: string;
  readonly name: string;
  readonly language: Language;
};
export type SimChat = {
  readonly jid: string;
  readonly name: string;
  readonly isGroup: boolean;
  readonly language: Language;
  /** The customer in a 1:1 chat; the members of a group. */
  readonly people: readonly SimPerson[];
};

/** What happens to a message after it arrived (live) or its final state (history). */
export type FollowUp =
  | { readonly kind: 'edit'; readonly afterMs: number; readonly body: string }
  | { readonly kind: 'revoke'; readonly afterMs: number }
  | { readonly kind: 'reaction'; readonly afterMs: number; readonly senderJid: string; readonly emoji: string };

export type SimMessage = {
  readonly input: MessageInput;
  readonly followUps: readonly FollowUp[];
  readonly mediaVariant: number;
};

export type WorldOptions = {
  readonly accountId: string;
  readonly seed: number;
  readonly epochMs: number;
  readonly chats: number;
  readonly chatterIntervalMs: number;
  readonly history: number;
};

const DAY = 86_400_000;

const digits = (rng: Rng, count: number): string => {
  let out = String(1 + rng.int(9));
  while (out.length < count) out += String(rng.int(10));
  return out;
};

function personOf(seed: number, key: string, language: Language): SimPerson {
  const rng = rngOf(seed, 'person', key);
  const pack = languages[language];
  const phone = pack.countryCode + digits(rng, 10);
  return { jid: `${phone}@c.us`, phone, name: `${rng.pick(pack.firstNames)} ${rng.pick(pack.lastNames)}`, language };
}

function chatOf(seed: number, index: number, attempt = 0): SimChat {
  const rng = rngOf(seed, 'chat', index);
  const language = rng.pick(languageMix);
  // Every fourth chat is a group; the first two are 1:1 so a small demo starts with customers.
  if (index >= 2 && index % 4 === 3) {
    const people = Array.from({ length: 3 + rng.int(3) }, (_, i) => personOf(seed, `${index}.${i}`, language));
    const name = rng.pick(languages[language].groupNames);
    return { jid: `120363${digits(rng, 12)}@g.us`, name, isGroup: true, language, people };
  }
  const person = personOf(seed, attempt === 0 ? String(index) : `${index}~${attempt}`, language);
  return { jid: person.jid, name: person.name, isGroup: false, language, people: [person] };
}

/**
 * The world's chats, 1:1 customers with distinct names: two rows of one number under one
 * name cannot be told apart by an agent (or a test). A clash picks another person, from
 * the same seed, so the world stays the same on every start.
 */
function chatsOf(seed: number, count: number): SimChat[] {
  const taken = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    let chat = chatOf(seed, i);
    for (let attempt = 1; !chat.isGroup && taken.has(chat.name) && attempt <= 50; attempt++)
      chat = chatOf(seed, i, attempt);
    if (!chat.isGroup) taken.add(chat.name);
    return chat;
  });
}

export type World = {
  readonly me: SimPerson;
  readonly chats: readonly SimChat[];
  /** Time of scheduled message k, or Infinity when the contacts are quiet. */
  timeOf(k: number): number;
  /** Highest k whose time is at or before `t`, or -1. */
  lastIndexAt(t: number): number;
  message(k: number): SimMessage;
  /** A message outside the schedule (offline bursts, replies), from its own seed space. */
  extraMessage(tag: string, n: number, timestamp: number, chat?: SimChat): SimMessage;
  chatInputs(lastActivity: ReadonlyMap<string, number>): ChatInput[];
  contactInputs(): ContactInput[];
};

export function createWorld(o: WorldOptions): World {
  const chats = chatsOf(o.seed, o.chats);
  const me = personOf(o.seed, 'me', 'id');
  // History is spread over at most two weeks before the account was linked.
  const gap = Math.max(1000, Math.min(60_000, Math.floor((14 * DAY) / Math.max(1, o.history))));
  const jitter = (k: number, span: number) => hashOf(o.seed, 'jitter', k) % Math.max(1, Math.floor(span / 2));

  const timeOf = (k: number): number => {
    if (k < o.history) return o.epochMs - (o.history - k) * gap + jitter(k, gap);
    if (o.chatterIntervalMs <= 0) return Number.POSITIVE_INFINITY;
    return o.epochMs + (k - o.history + 1) * o.chatterIntervalMs + jitter(k, o.chatterIntervalMs);
  };

  const lastIndexAt = (t: number): number => {
    let lo = -1;
    let hi =
      o.history + (o.chatterIntervalMs > 0 ? Math.ceil(Math.max(0, t - o.epochMs) / o.chatterIntervalMs) + 1 : 0);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (timeOf(mid) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const build = (
    rng: Rng,
    idTag: string,
    timestamp: number,
    fixedChat: SimChat | undefined,
    mayBeMine: boolean,
  ): SimMessage => {
    const chat = fixedChat ?? chats[rng.int(chats.length)] ?? chats[0];
    if (!chat) throw new Error('the simulated world has no chats');
    const pack = languages[chat.language];
    const sender = rng.pick(chat.people);
    const fromMe = mayBeMine && rng.chance(0.25);
    const orderNo = digits(rng, 5);
    const roll = rng.next();
    const type: MessageType = fromMe
      ? 'text'
      : roll < 0.78
        ? 'text'
        : roll < 0.86
          ? 'image'
          : roll < 0.9
            ? 'document'
            : roll < 0.93
              ? 'voice'
              : roll < 0.95
                ? 'sticker'
                : roll < 0.97
                  ? 'location'
                  : roll < 0.99
                    ? 'contact_card'
                    : 'image';
    const text = (fromMe ? rng.pick(pack.agent) : rng.pick(pack.customer)).replace('{n}', orderNo);
    const base = `${fromMe}_${chat.jid}_SIM${o.seed.toString(16).toUpperCase()}${idTag}`;
    const providerMessageId = chat.isGroup && !fromMe ? `${base}_${sender.jid}` : base;
    const mediaVariant = rng.int(12);
    const input: MessageInput = {
      accountId: o.accountId,
      chatJid: chat.jid,
      providerMessageId,
      fromMe,
      author: chat.isGroup && !fromMe ? sender.jid : null,
      authorName: fromMe ? null : sender.name,
      type,
      body: type === 'text' ? text : null,
      caption: type === 'image' ? (rng.chance(0.5) ? text : null) : null,
      media: mediaOf(type, orderNo, rng),
      location:
        type === 'location'
          ? {
              lat: -6.2 + rng.next() * 0.2,
              lng: 106.8 + rng.next() * 0.2,
              name: rng.chance(0.5) ? 'Toko Blazz, Jakarta' : null,
            }
          : null,
      vcard:
        type === 'contact_card'
          ? `BEGIN:VCARD\nVERSION:3.0\nFN:${sender.name}\nTEL;type=CELL:+${sender.phone}\nEND:VCARD`
          : null,
      quotedProviderMessageId: null,
      timestamp,
      ack: fromMe ? 'read' : 'delivered',
      edited: false,
      revoked: false,
      clientMessageId: null,
    };
    const followUps: FollowUp[] = [];
    if (type === 'text' && !fromMe && rng.chance(0.04)) {
      followUps.push({ kind: 'edit', afterMs: 4000, body: rng.pick(pack.edits).replace('{n}', orderNo) });
    } else if (!fromMe && rng.chance(0.02)) {
      followUps.push({ kind: 'revoke', afterMs: 6000 });
    }
    if (chat.isGroup && rng.chance(0.08)) {
      const other = chat.people.find(p => p.jid !== sender.jid) ?? me;
      followUps.push({ kind: 'reaction', afterMs: 3000, senderJid: other.jid, emoji: rng.pick(emojis) });
    }
    return { input, followUps, mediaVariant };
  };

  return {
    me,
    chats,
    timeOf,
    lastIndexAt,
    message: k => build(rngOf(o.seed, 'msg', k), k.toString(36).toUpperCase(), timeOf(k), undefined, k < o.history),
    extraMessage: (tag, n, timestamp, chat) =>
      build(rngOf(o.seed, tag, n), `${tag.toUpperCase()}${n.toString(36).toUpperCase()}`, timestamp, chat, false),
    chatInputs: lastActivity =>
      chats.map(c => {
        const ts = lastActivity.get(c.jid);
        return {
          accountId: o.accountId,
          jid: c.jid,
          isGroup: c.isGroup,
          name: c.name,
          ...(ts ? { timestamp: ts } : {}),
        };
      }),
    contactInputs: () => {
      const seen = new Map<string, SimPerson>();
      for (const c of chats) for (const p of c.people) seen.set(p.jid, p);
      return [...seen.values()].map(p => ({
        accountId: o.accountId,
        jid: p.jid,
        lid: null,
        phone: p.phone,
        name: p.name,
        pushName: p.name.split(' ')[0] ?? p.name,
      }));
    },
  };
}

function mediaOf(type: MessageType, orderNo: string, rng: Rng): MessageInput['media'] {
  const media = (mimeType: string, extra: Partial<NonNullable<MessageInput['media']>>) => ({
    mimeType,
    fileName: null,
    size: null,
    sha256: null,
    localPath: null,
    width: null,
    height: null,
    durationS: null,
    thumbnail: null,
    ...extra,
  });
  switch (type) {
    case 'image':
      return media('image/png', { width: 320, height: 240 });
    case 'sticker':
      return media('image/png', { width: 128, height: 128 });
    case 'video':
      return media('video/mp4', { durationS: 4 + rng.int(20), width: 640, height: 360 });
    case 'voice':
      return media('audio/wav', { durationS: 2 });
    case 'document':
      return media('application/pdf', { fileName: `Invoice-${orderNo}.pdf` });
    default:
      return null;
  }
}
