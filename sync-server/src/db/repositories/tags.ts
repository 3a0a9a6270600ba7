/** The workspace's managed tags, and the chats that carry a given tag. */
import { asc, eq, sql } from 'drizzle-orm';
import type { TagColor, WireTag } from '../../../../common/protocol-tags';
import { tagColorSchema } from '../../../../common/protocol-tags';
import type { Exec } from '../index';
import { chats, workspaceTags } from '../schema';
import type { ChatRow } from './chats';
import { toWireChat } from './chats';

/** A colour written by an older or newer server that this one does not know shows as gray. */
const colorOf = (raw: string): TagColor => {
  const parsed = tagColorSchema.safeParse(raw);
  return parsed.success ? parsed.data : 'gray';
};

export async function listTags(db: Exec): Promise<WireTag[]> {
  const rows = await db.select().from(workspaceTags).orderBy(asc(workspaceTags.name));
  return rows.map(r => ({ name: r.name, color: colorOf(r.color) }));
}

/** Read for update: a rename and a delete of the same tag must not interleave. */
export async function tagByName(db: Exec, name: string): Promise<WireTag | undefined> {
  const rows = await db.select().from(workspaceTags).where(eq(workspaceTags.name, name)).limit(1).for('update');
  const row = rows[0];
  return row ? { name: row.name, color: colorOf(row.color) } : undefined;
}

export async function countTags(db: Exec): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)` }).from(workspaceTags);
  return Number(rows[0]?.n ?? 0);
}

export async function saveTag(db: Exec, tag: WireTag, now: number): Promise<void> {
  await db
    .insert(workspaceTags)
    .values({ name: tag.name, color: tag.color, updatedAt: now })
    .onDuplicateKeyUpdate({ set: { color: tag.color, updatedAt: now } });
}

export async function deleteTag(db: Exec, name: string): Promise<void> {
  await db.delete(workspaceTags).where(eq(workspaceTags.name, name));
}

/** LIKE's wildcards and our escape character, escaped with '!' (no backslashes: sql_mode may change their meaning). */
const likeEscaped = (s: string) => s.replace(/[!%_]/g, c => `!${c}`);

/**
 * Every chat whose tags include `name`, locked for update. The LIKE on the stored JSON
 * text narrows the scan; the exact check on the parsed list decides.
 */
export async function chatsWithTag(db: Exec, name: string): Promise<ChatRow[]> {
  const pattern = `%${likeEscaped(JSON.stringify(name))}%`;
  const rows = await db
    .select()
    .from(chats)
    .where(sql`${chats.tags} LIKE ${pattern} ESCAPE '!'`)
    .for('update');
  return rows.filter(r => toWireChat(r).tags.includes(name));
}
