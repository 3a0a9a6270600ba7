/**
 * The workspace's managed tags on the sync protocol: the list of tags with a colour that
 * admins and leads keep, which the tag editor suggests and the inbox filters by. A chat's
 * own tags stay a list of names (chat:set-tags); a name that is not on this list still
 * works and is not added to it. Registered in protocol.ts (command map and schema table),
 * wire-schemas.ts (facts) and reply-schemas.ts; described in docs/protocol.md, "Managed tags".
 */
import { z } from 'zod';
import type { Reply } from './result';
import { TAG_COLORS } from './limits';

export { TAG_COLORS };
import type { TagColor } from './limits';

export type { TagColor };

export const tagColorSchema = z.enum(TAG_COLORS);

/** Most tags on the list: a suggestion list and a filter menu longer than this help nobody. */
export const MAX_WORKSPACE_TAGS = 500;

/** A tag name as chat:set-tags accepts it. */
export const tagNameSchema = z.string().min(1).max(50);

export const tagUpsertSchema = z.strictObject({ name: tagNameSchema, color: tagColorSchema });
/** Renames `from` on the list and on every chat; when `to` is already on the list the two merge into `to`. */
export const tagRenameSchema = z.strictObject({ from: tagNameSchema, to: tagNameSchema });
/** Removes the tag from the list and from every chat. */
export const tagDeleteSchema = z.strictObject({ name: tagNameSchema });

export type WireTag = { name: string; color: TagColor };
/** What a rename or a delete did: the tag now on the list (null for a delete) and how many chats changed. */
export type WireTagChange = { tag: WireTag | null; chats: number };

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface TagCommands {
  'tag:list': Cmd<WireTag[]>;
  'tag:upsert': Cmd<WireTag>;
  'tag:rename': Cmd<WireTagChange>;
  'tag:delete': Cmd<WireTagChange>;
}

export const TAG_COMMAND_SCHEMAS = {
  'tag:list': z.strictObject({}),
  'tag:upsert': tagUpsertSchema,
  'tag:rename': tagRenameSchema,
  'tag:delete': tagDeleteSchema,
} as const;

/** Objects not strict, as in reply-schemas.ts: a newer server may add fields. */
export const wireTagSchema = z.object({ name: tagNameSchema, color: tagColorSchema });
const wireTagChangeSchema = z.object({ tag: wireTagSchema.nullable(), chats: z.number().int().min(0) });

export const TAG_REPLY_SCHEMAS = {
  'tag:list': z.array(wireTagSchema),
  'tag:upsert': wireTagSchema,
  'tag:rename': wireTagChangeSchema,
  'tag:delete': wireTagChangeSchema,
} as const;

/** The facts: a tag added or recoloured (or the target of a rename), and one gone from the list. */
export const TAG_FACT_SHAPES = {
  'tag:updated': { tag: wireTagSchema },
  'tag:deleted': { name: tagNameSchema },
} as const;
