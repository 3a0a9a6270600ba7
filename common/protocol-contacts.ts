/**
 * A customer's name, labels and note as the team keeps them (issue #21's customer panel, #22's
 * PATCH /contacts): WhatsApp's own name and push name stay as the phone reports them, and
 * the team's edit sits beside them, shared through the workspace. An edit reaches every
 * number the caller may see on which the same person (same phone) is a contact, and is
 * delivered as a `contacts:upserted` fact. Registered in protocol.ts, reply-schemas.ts;
 * described in docs/protocol.md, "Contacts".
 */
import { z } from 'zod';
import type { WireContact } from './protocol-wire';
import type { Reply } from './result';

/** Longest name the team may give a customer (WhatsApp's own names are longer; ours is typed). */
export const CONTACT_NAME_MAX = 100;
/** Labels on one person: a short list a glance can read. */
export const CONTACT_LABELS_MAX = 20;
export const contactLabelSchema = z.string().trim().min(1).max(40);
/** A name (trimmed; '' or null clears the team's name, so WhatsApp's shows again). */
export const contactNameSchema = z
  .string()
  .trim()
  .max(CONTACT_NAME_MAX)
  .nullable()
  .transform(s => (s === '' ? null : s));
/** Labels, de-duplicated ignoring case (the first spelling wins). */
export const contactLabelsSchema = z
  .array(contactLabelSchema)
  .max(CONTACT_LABELS_MAX)
  .transform(list => list.filter((l, i) => list.findIndex(o => o.toLowerCase() === l.toLowerCase()) === i));

/** Longest note about a person: a few paragraphs an agent reads before replying. */
export const CONTACT_NOTE_MAX = 2000;
/** The team's note about the person, not about one chat (trimmed; '' or null clears it). */
export const contactNoteSchema = z
  .string()
  .trim()
  .max(CONTACT_NOTE_MAX)
  .nullable()
  .transform(s => (s === '' ? null : s));

const NOTHING_TO_CHANGE = { message: 'nothing to change: give name, labels or note' };
const changesSomething = (p: { name?: unknown; labels?: unknown; note?: unknown }): boolean =>
  p.name !== undefined || p.labels !== undefined || p.note !== undefined;

/** What may change; a field left out stays as it is. */
export const contactPatchSchema = z
  .strictObject({
    name: contactNameSchema.optional(),
    labels: contactLabelsSchema.optional(),
    note: contactNoteSchema.optional(),
  })
  .refine(changesSomething, NOTHING_TO_CHANGE);

/** The customer behind a one-to-one chat the caller can see. */
export const contactUpdateSchema = z
  .strictObject({
    chatId: z.string().min(3).max(420),
    name: contactNameSchema.optional(),
    labels: contactLabelsSchema.optional(),
    note: contactNoteSchema.optional(),
  })
  .refine(changesSomething, NOTHING_TO_CHANGE);
export type ContactUpdate = z.output<typeof contactUpdateSchema>;

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface ContactCommands {
  /** Returns the contact of the chat's own number as stored after the change. */
  'contact:update': Cmd<WireContact>;
}

export const CONTACT_COMMAND_SCHEMAS = {
  'contact:update': contactUpdateSchema,
} as const;
