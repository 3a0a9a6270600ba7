/**
 * Messages between the wire and the store: a teammate's messages from the server as the
 * store takes them (anything unreadable dropped, never the batch), and this desktop's stored
 * messages as push items for the server.
 */
import type { z } from 'zod';
import type { AckUpdate, MessageInput, PollVoteInput, ReactionInput } from '../../common/ingest';
import {
  MAX_MENTIONS,
  ackSchema,
  locationSchema,
  mediaInputSchema,
  messageTypeSchema,
  pollInputSchema,
  pollVoteSchema,
  reactionInputSchema,
} from '../../common/ingest';
import type { Message } from '../../common/domain';
import type { WireMessage, WirePoll } from '../../common/protocol';
import type { Store } from '../store';

/** A value from the wire as its schema reads it; anything unreadable is dropped, not the message. */
function readable<T>(schema: z.ZodType<T>, raw: unknown): T | null {
  if (raw === null || raw === undefined) return null;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * A teammate's media as metadata only: its hash lets media:url fetch the file from the
 * workspace. A local path is dropped: it names a file on the host, never one here.
 */
function mediaOf(raw: unknown): MessageInput['media'] {
  const media = readable(mediaInputSchema, raw);
  return media ? { ...media, localPath: null } : null;
}

function messageInputOf(m: WireMessage): MessageInput | null {
  const type = messageTypeSchema.safeParse(m.type);
  const ack = ackSchema.safeParse(m.ack);
  const jid = m.chatId.slice(m.accountId.length + 1);
  if (!type.success || !ack.success || !jid) return null;
  return {
    accountId: m.accountId,
    chatJid: jid,
    providerMessageId: m.providerMessageId,
    fromMe: m.fromMe,
    author: m.author,
    authorName: m.authorName,
    type: type.data,
    body: m.body,
    caption: m.caption,
    media: mediaOf(m.media),
    // Shared locations, so teammates see where they point as the host does.
    location: readable(locationSchema, m.location),
    vcard: null,
    quotedProviderMessageId: m.quotedProviderMessageId,
    timestamp: m.timestamp,
    ack: ack.data,
    edited: m.edited,
    revoked: m.revoked,
    clientMessageId: null,
    ...(m.poll ? { poll: pollInputOf(m.poll) } : {}),
    // The store resolves them to names from this device's contacts, as on the host.
    ...(m.mentions && m.mentions.length > 0 ? { mentions: m.mentions } : {}),
  };
}

/** A teammate's poll definition as the store takes it; one it cannot read is left out. */
function pollInputOf(p: WirePoll): MessageInput['poll'] {
  return readable(pollInputSchema, { question: p.question, options: p.options, multiple: p.multiple });
}

/** Stores messages the server sent (live, or fetched as a chat's history). */
export function ingestWireMessages(store: Store, wire: readonly WireMessage[]): ReturnType<Store['ingest']> {
  const messages = wire.map(messageInputOf).filter((m): m is MessageInput => m !== null);
  // Acks move forward on the server as the host reports them; mirror them too.
  const acks: AckUpdate[] = messages.map(m => ({
    accountId: m.accountId,
    providerMessageId: m.providerMessageId,
    ack: m.ack,
  }));
  // Removals come as an empty emoji; the store keeps the newest per sender either way.
  const reactions: ReactionInput[] = [];
  for (const m of wire) {
    for (const r of m.reactions ?? []) {
      const input = readable(reactionInputSchema, {
        accountId: m.accountId,
        providerMessageId: m.providerMessageId,
        ...r,
      });
      if (input) reactions.push(input);
    }
  }
  // Each voter's current choice, as the host last pushed it ([] = taken back).
  const votes: PollVoteInput[] = [];
  for (const m of wire) {
    for (const v of m.poll?.votes ?? []) {
      const input = readable(pollVoteSchema, {
        accountId: m.accountId,
        providerMessageId: m.providerMessageId,
        ...v,
      });
      if (input) votes.push(input);
    }
  }
  return store.ingest({ messages, acks, reactions, votes });
}

/** A stored message as a push item (the server keys it by account and provider id). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function messageInputOfStored(m: Message, chatJid: string): MessageInput {
  return {
    accountId: m.accountId,
    chatJid,
    providerMessageId: m.providerMessageId,
    fromMe: m.fromMe,
    author: m.author,
    authorName: m.authorName,
    type: m.type,
    body: m.body,
    caption: m.caption,
    media: m.media ? { ...m.media, localPath: null } : null,
    location: m.location,
    vcard: m.vcard,
    quotedProviderMessageId: m.quotedProviderMessageId,
    timestamp: m.timestamp,
    ack: m.ack,
    edited: m.edited,
    revoked: m.revoked,
    // Only UUIDs travel: an early build's automated ids ('auto-…') would get the whole
    // batch refused, and with it every message pushed beside them.
    clientMessageId: m.clientMessageId && UUID.test(m.clientMessageId) ? m.clientMessageId : null,
    ...(m.automated ? { automated: true } : {}),
    ...(m.poll ? { poll: { question: m.poll.question, options: [...m.poll.options], multiple: m.poll.multiple } } : {}),
    // The store keeps at most MAX_MENTIONS (the provider cuts them); the server takes no more.
    ...(m.mentions && m.mentions.length > 0 ? { mentions: m.mentions.slice(0, MAX_MENTIONS).map(x => x.jid) } : {}),
  };
}

/**
 * A stored poll's votes as push items. The store keeps no time per vote, so they carry the
 * poll's own: older than any vote the server has, they never replace a newer one there.
 */
export function voteInputsOfStored(m: Message): PollVoteInput[] {
  if (!m.poll) return [];
  return Object.entries(m.poll.votes).map(([voterJid, options]) => ({
    accountId: m.accountId,
    providerMessageId: m.providerMessageId,
    voterJid,
    options: [...options],
    timestamp: m.timestamp,
  }));
}
