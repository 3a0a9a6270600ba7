/**
 * The workspace's managed tags on the desktop (Settings → Tags, the tag editor's
 * suggestions, the inbox's tag filter and the chips' colours). The list is kept on this
 * device, so suggestions and colours work offline; changing it needs the server.
 */
import type { TagColor, WireTag } from '../protocol-tags';
import { tagColorSchema, tagNameSchema } from '../protocol-tags';
import { z } from 'zod';
import { command } from './define';

export type { TagColor };
export type WorkspaceTag = WireTag;
/** What a rename, merge or delete did: the tag now on the list (null for a delete) and how many chats changed. */
export type TagChange = { readonly tag: WorkspaceTag | null; readonly chats: number };

export const tagsCommands = {
  /** The list as this device last heard it (empty before the first connection). */
  'tags:list': command<readonly WorkspaceTag[]>()(z.strictObject({})),
  /** Admins and leads: add a tag or change its colour. */
  'tags:upsert': command<WorkspaceTag>()(z.strictObject({ name: tagNameSchema, color: tagColorSchema })),
  /** Admins and leads: rename on the list and on every chat; onto a tag on the list, the two merge. */
  'tags:rename': command<TagChange>()(z.strictObject({ from: tagNameSchema, to: tagNameSchema })),
  /** Admins and leads: remove from the list and from every chat. */
  'tags:delete': command<TagChange>()(z.strictObject({ name: tagNameSchema })),
} as const;

export type TagsEvents = {
  /** The workspace's tag list changed (here, or on the server). */
  'tags:changed': { readonly tags: readonly WorkspaceTag[] };
};
export const tagsEventNames: Record<keyof TagsEvents, true> = { 'tags:changed': true };
