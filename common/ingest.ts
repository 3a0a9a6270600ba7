/**
 * What providers report and the store ingests (and, later, what a host pushes to the
 * workspace server). Validated with zod wherever it crosses a process boundary: from an
 * account's child process to main, and from a device to the server.
 * Timestamps are milliseconds since the epoch.
 */
import { z } from 'zod';
import { accountIdSchema, jidSchema, providerMessageIdSchema, uuidSchema } from './ids';

/** WhatsApp's own limit is 65,536 characters; we accept a little more and refuse the absurd. */
export const MAX_BODY_CHARS = 200_000;
/** A message mentioning more people than this is a spam blast; the rest stay plain text. */
export const MAX_MENTIONS = 100;
const EARLIEST_TS = Date.UTC(2009, 0, 1); // WhatsApp did not exist before 2009
const FUTURE_SLACK_MS = 24 * 3600 * 1000; // clocks drift; a day ahead is still plausible

export const timestampSchema = z
  .number()
  .int()
  .refine(ts => ts >= EARLIEST_TS && ts <= Date.now() + FUTURE_SLACK_MS, {
    message: 'timestamp is outside 2009..now+1d (expected milliseconds since the epoch)',
  });

const accountId = accountIdSchema;
const id = providerMessageIdSchema;
const jid = jidSchema;
const text = z.string().max(MAX_BODY_CHARS);
const name = z.string().max(500);

export const messageTypeSchema = z.enum([
  'text',
  'image',
  'video',
  'audio',
  'voice',
  'document',
  'sticker',
  'location',
  'contact_card',
  'reaction',
  'poll',
  'system',
  'ciphertext',
  'unknown',
]);

export const ackSchema = z.enum(['failed', 'pending', 'sent', 'delivered', 'read', 'played']);

export const mediaInputSchema = z.object({
  mimeType: z.string().min(1).max(200),
  fileName: name.nullable().default(null),
  size: z.number().int().nonnegative().nullable().default(null),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .default(null),
  localPath: z.string().max(4096).nullable().default(null),
  width: z.number().int().nonnegative().nullable().default(null),
  height: z.number().int().nonnegative().nullable().default(null),
  durationS: z.number().nonnegative().nullable().default(null),
  thumbnail: z.string().max(200_000).nullable().default(null),
});

export const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  name: name.nullable().default(null),
});

/** A poll's question and options as WhatsApp sent them (whatsapp-web.js `poll_creation`). */
export const pollInputSchema = z.object({
  question: name,
  options: z.array(name).min(1).max(12),
  /** Voters may pick several options. */
  multiple: z.boolean(),
});

export const messageInputSchema = z.object({
  accountId,
  chatJid: jid,
  providerMessageId: id,
  fromMe: z.boolean(),
  /** Sender jid in groups. */
  author: jid.nullable().default(null),
  authorName: name.nullable().default(null),
  type: messageTypeSchema,
  body: text.nullable().default(null),
  caption: text.nullable().default(null),
  media: mediaInputSchema.nullable().default(null),
  location: locationSchema.nullable().default(null),
  vcard: z.string().max(100_000).nullable().default(null),
  quotedProviderMessageId: id.nullable().default(null),
  timestamp: timestampSchema,
  ack: ackSchema.default('sent'),
  edited: z.boolean().default(false),
  revoked: z.boolean().default(false),
  /** Present on messages composed on this device (links the provider id to the outbox row). */
  clientMessageId: uuidSchema.nullable().default(null),
  /** Set when `type` is 'poll'. */
  poll: pollInputSchema.nullable().optional(),
  /**
   * The people @mentioned in the body (whatsapp-web.js `mentionedIds`): phone jids or lids.
   * The body holds each as `@<digits>`; the inbox shows the person's name instead.
   */
  mentions: z.array(jid).max(MAX_MENTIONS).optional(),
  /**
   * Sent by the desktop's own automation while it was not signed in (an away message, a
   * greeting, a rule's reply): the workspace records it as an automated send, not a person's.
   */
  automated: z.boolean().optional(),
});

export const chatInputSchema = z.object({
  accountId,
  jid,
  isGroup: z.boolean(),
  name,
  /** When given, replaces the stored unread count (WhatsApp's own count after a sync). */
  unreadCount: z.number().int().nonnegative().optional(),
  pinned: z.boolean().optional(),
  archived: z.boolean().optional(),
  muted: z.boolean().optional(),
  /** Time of the chat's last activity, for ordering chats that have no stored message yet. */
  timestamp: timestampSchema.optional(),
});

export const contactInputSchema = z
  .object({
    accountId,
    /** Phone-number jid, `628123456789@c.us`. */
    jid: jid.nullable().default(null),
    /** Privacy id, `12345@lid`. When both are given, the store learns that they are one person. */
    lid: jid.nullable().default(null),
    phone: z
      .string()
      .regex(/^\d{5,20}$/)
      .nullable()
      .default(null),
    name: name.nullable().default(null),
    pushName: name.nullable().default(null),
  })
  .refine(c => c.jid !== null || c.lid !== null, { message: 'a contact needs a jid or a lid' });

export const ackUpdateSchema = z.object({ accountId, providerMessageId: id, ack: ackSchema });
export const revokeUpdateSchema = z.object({ accountId, providerMessageId: id, revokedAt: timestampSchema });
export const editUpdateSchema = z.object({
  accountId,
  providerMessageId: id,
  body: text,
  editedAt: timestampSchema,
});
export const reactionInputSchema = z.object({
  accountId,
  /** The message reacted to. */
  providerMessageId: id,
  senderJid: jid,
  /** Empty string removes the sender's reaction. */
  emoji: z.string().max(32),
  timestamp: timestampSchema,
});

/** One voter's current choice in a poll (whatsapp-web.js `vote_update`); no options: vote taken back. */
export const pollVoteSchema = z.object({
  accountId,
  /** The poll's message. */
  providerMessageId: id,
  voterJid: jid,
  options: z.array(name).max(12),
  timestamp: timestampSchema,
});

export const ingestBatchSchema = z.object({
  contacts: z.array(contactInputSchema).max(5000).default([]),
  chats: z.array(chatInputSchema).max(5000).default([]),
  messages: z.array(messageInputSchema).max(5000).default([]),
  acks: z.array(ackUpdateSchema).max(5000).default([]),
  revokes: z.array(revokeUpdateSchema).max(5000).default([]),
  edits: z.array(editUpdateSchema).max(5000).default([]),
  reactions: z.array(reactionInputSchema).max(5000).default([]),
  /** Pushed to the workspace with the poll's message (sync:push `votes`). */
  votes: z.array(pollVoteSchema).max(5000).optional(),
});

export type MessageInput = z.infer<typeof messageInputSchema>;
export type ChatInput = z.infer<typeof chatInputSchema>;
export type ContactInput = z.infer<typeof contactInputSchema>;
export type AckUpdate = z.infer<typeof ackUpdateSchema>;
export type RevokeUpdate = z.infer<typeof revokeUpdateSchema>;
export type EditUpdate = z.infer<typeof editUpdateSchema>;
export type ReactionInput = z.infer<typeof reactionInputSchema>;
export type PollInput = z.infer<typeof pollInputSchema>;
export type PollVoteInput = z.infer<typeof pollVoteSchema>;
export type IngestBatch = z.infer<typeof ingestBatchSchema>;
/** What producers may hand in: defaults may be omitted. */
export type IngestBatchInput = z.input<typeof ingestBatchSchema>;

const ITEM_SCHEMAS = {
  contacts: contactInputSchema,
  chats: chatInputSchema,
  messages: messageInputSchema,
  acks: ackUpdateSchema,
  revokes: revokeUpdateSchema,
  edits: editUpdateSchema,
  reactions: reactionInputSchema,
  votes: pollVoteSchema,
} as const;

type RawItems = readonly unknown[] | undefined;
/** A batch whose items are not validated yet (a catch-up batch as it crosses the pipe). */
export type UncheckedBatch = Readonly<Partial<Record<keyof typeof ITEM_SCHEMAS, RawItems>>>;

/**
 * The mark of a batch whose every item `parseItems` validated. A symbol, set as a
 * non-enumerable property: it never crosses a pipe (JSON and structured clone drop it), a
 * spread copy does not carry it, so only this process's own parse can have set it.
 */
const CHECKED: unique symbol = Symbol('blazz.ingest.checked');

/**
 * A batch parsed by `parseItems`: the store trusts its items and does not run the item
 * schemas a second time (3–4 % of the live ingest path). Do not change it after
 * the parse; build a new batch instead (a copy is unchecked again).
 */
export type CheckedBatch = IngestBatch & { readonly [CHECKED]: true };

/** Whether `batch` is one `parseItems` returned (see CheckedBatch). */
export function isCheckedBatch(batch: object): batch is CheckedBatch {
  return (batch as { readonly [CHECKED]?: unknown })[CHECKED] === true;
}

/**
 * A batch's items parsed one by one (defaults filled, unknown keys dropped), exactly as
 * `ingestBatchSchema` would, except that an item the schemas refuse is left out and counted
 * instead of failing the whole batch.
 */
export function parseItems(batch: UncheckedBatch): { readonly batch: CheckedBatch; readonly refused: number } {
  let refused = 0;
  const keep = <T>(schema: z.ZodType<T>, items: RawItems): T[] => {
    const out: T[] = [];
    for (const item of items ?? []) {
      const r = schema.safeParse(item);
      if (r.success) out.push(r.data);
      else refused++;
    }
    return out;
  };
  const parsed: IngestBatch = {
    contacts: keep(contactInputSchema, batch.contacts),
    chats: keep(chatInputSchema, batch.chats),
    messages: keep(messageInputSchema, batch.messages),
    acks: keep(ackUpdateSchema, batch.acks),
    revokes: keep(revokeUpdateSchema, batch.revokes),
    edits: keep(editUpdateSchema, batch.edits),
    reactions: keep(reactionInputSchema, batch.reactions),
    ...(batch.votes ? { votes: keep(pollVoteSchema, batch.votes) } : {}),
  };
  Object.defineProperty(parsed, CHECKED, { value: true, enumerable: false });
  return { batch: parsed as CheckedBatch, refused };
}

/**
 * The items of a batch its schemas accept, the others left out. The workspace server takes a
 * push whole or not at all, so one item the store refused (a jid of a form we do not know,
 * say) must not travel with the rest and cost them their place in the team's copy.
 */
export function acceptedItems(batch: IngestBatchInput): IngestBatchInput {
  const out: Record<string, unknown[]> = {};
  for (const key of Object.keys(ITEM_SCHEMAS) as Array<keyof typeof ITEM_SCHEMAS>) {
    const items: readonly unknown[] | undefined = batch[key];
    if (items) out[key] = items.filter(item => ITEM_SCHEMAS[key].safeParse(item).success);
  }
  return out as IngestBatchInput;
}
