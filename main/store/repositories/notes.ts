/** Internal notes on a chat (never sent to the customer) and reply templates. */
import { asc, desc, eq } from 'drizzle-orm';
import type { ChatId, MemberId, Note, Template } from '../../../common/domain';
import type { StoreDb } from '../db';
import { notes, templates } from '../schema';

type NoteRow = typeof notes.$inferSelect;

const noteOf = (r: NoteRow): Note => ({
  id: r.id,
  chatId: r.chatId as ChatId,
  authorId: r.authorId as MemberId | null,
  authorName: r.authorName,
  body: r.body,
  createdAt: r.createdAt,
  kind: r.kind === 'handover' ? 'handover' : 'note',
  draft: r.draft,
  summary: r.summary,
});

/** A chat's notes, oldest first (they read as a thread). */
export function listNotes(db: StoreDb, chatId: ChatId): Note[] {
  return db.orm
    .select()
    .from(notes)
    .where(eq(notes.chatId, chatId))
    .orderBy(asc(notes.createdAt), asc(notes.id))
    .all()
    .map(noteOf);
}

/** Insert or replace by id: notes also arrive from the workspace, where the id is the server's. */
export function saveNote(db: StoreDb, note: Note): Note {
  const row = {
    ...note,
    authorId: note.authorId ?? null,
    kind: note.kind ?? 'note',
    draft: note.draft ?? null,
    summary: note.summary ?? null,
  };
  db.orm
    .insert(notes)
    .values(row)
    .onConflictDoUpdate({ target: notes.id, set: { body: row.body, authorName: row.authorName } })
    .run();
  return note;
}

export function deleteNote(db: StoreDb, id: string): boolean {
  return db.orm.delete(notes).where(eq(notes.id, id)).run().changes > 0;
}

type TemplateRow = typeof templates.$inferSelect;
const templateOf = (r: TemplateRow): Template => ({ id: r.id, shortcut: r.shortcut, title: r.title, body: r.body });

export function listTemplates(db: StoreDb): Template[] {
  return db.orm.select().from(templates).orderBy(asc(templates.shortcut)).all().map(templateOf);
}

/** Upsert by id. A shortcut already used by another template is refused by the unique index. */
export function saveTemplate(db: StoreDb, t: Template, now = Date.now()): Template {
  db.orm
    .insert(templates)
    .values({ ...t, updatedAt: now })
    .onConflictDoUpdate({
      target: templates.id,
      set: { shortcut: t.shortcut, title: t.title, body: t.body, updatedAt: now },
    })
    .run();
  return t;
}

export function deleteTemplate(db: StoreDb, id: string): boolean {
  return db.orm.delete(templates).where(eq(templates.id, id)).run().changes > 0;
}

export function templateByShortcut(db: StoreDb, shortcut: string): Template | null {
  const row = db.orm
    .select()
    .from(templates)
    .where(eq(templates.shortcut, shortcut))
    .orderBy(desc(templates.updatedAt))
    .get();
  return row ? templateOf(row) : null;
}
