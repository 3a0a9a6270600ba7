/** Assignments, status, tags, notes and chat reads: every write is a conditional update plus an audit row. */
import { randomUUID } from 'node:crypto';
import type { ChatStatus } from '../../../common/domain';
import type { WireChat, WireNote } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { Tx } from '../db/index';
import type { ChatPatch, ChatRow } from '../db/repositories/chats';
import type { NewEvent } from '../db/repositories/events';
import {
  chatByIdLatest,
  insertNote,
  isDuplicateKey,
  listChats,
  listMessages,
  noteByClientId,
  notesOfChat,
  toWireChat,
  updateChatIfVersion,
} from '../db/repositories/chats';
import { wireMessagesOf } from '../db/repositories/reactions';
import { insertAudit } from '../db/repositories/workspace';
import { accessChangeEvents, chatEvent, requireAccount, requireCapability, visibleChat } from './access';
import type { Caller, Emit, Services } from './context';
import { commit } from './context';
import { checkAssignment, requireAssignOrHandOver } from './handover-rules';
import type { HandlerTable } from './dispatch';
import { drainWaiting } from '../automation/assignment/drain';
import { statusJob } from '../automation/rules/on-status';
import { enqueueJob } from '../db/repositories/automation-jobs';

type ChatHandlers = Pick<
  HandlerTable,
  | 'chat:get'
  | 'chat:list'
  | 'chat:assign'
  | 'chat:claim'
  | 'chat:set-status'
  | 'chat:set-tags'
  | 'chat:set-flags'
  | 'messages:list'
  | 'note:add'
>;

const snapshot = (c: ChatRow) => ({
  assigneeId: c.assigneeId,
  status: c.status,
  tags: toWireChat(c).tags,
  pinned: c.pinned,
  archived: c.archived,
  version: c.version,
});

/** A flag write races another write of the chat at most this often before it gives up. */
const FLAG_ATTEMPTS = 3;

const noteEvent = (chat: ChatRow, note: WireNote): NewEvent => ({
  body: { type: 'note:added', note },
  audience: 'chat',
  accountId: chat.accountId,
  chatId: chat.id,
  assigneeId: chat.assigneeId,
});

/** A retried note:add gets the stored note; someone else's id, or another chat's, is refused without revealing it. */
function sameNoteOrConflict(caller: Caller, stored: WireNote, chatId: string): WireNote {
  if (stored.authorId !== caller.memberId || stored.chatId !== chatId)
    throw new CommandError('conflict', 'this client note id is already used');
  return stored;
}

export function chatHandlers(services: Services): ChatHandlers {
  const { db } = services;

  /** The conditional write shared by every chat command. A stale version gets the current chat back. */
  async function writeChat(
    caller: Caller,
    action: string,
    chatId: string,
    version: number,
    patch: (current: ChatRow, tx: Tx) => Promise<ChatPatch> | ChatPatch,
    /** Runs after the write landed, in the same transaction; what it returns joins the audit row's `after`. */
    afterWrite?: (next: ChatRow, tx: Tx, emit: Emit) => Promise<Record<string, unknown>>,
  ): Promise<WireChat> {
    return commit(services, async (tx, emit) => {
      const current = await visibleChat(tx, caller, chatId);
      if (current.version !== version) {
        throw new CommandError('conflict', 'the chat changed since you loaded it', { chat: toWireChat(current) });
      }
      const next = await updateChatIfVersion(tx, chatId, version, await patch(current, tx));
      if (!next) {
        const now = await chatByIdLatest(tx, chatId);
        throw new CommandError('conflict', 'the chat changed since you loaded it', {
          chat: now ? toWireChat(now) : null,
        });
      }
      emit(chatEvent('chat:updated', next));
      if (current.assigneeId !== next.assigneeId)
        emit(...(await accessChangeEvents(tx, current, next, caller.settings)));
      // After the grants: a new assignee's device learns of the chat before its notes.
      const extra = afterWrite ? await afterWrite(next, tx, emit) : {};
      await insertAudit(tx, {
        memberId: caller.memberId,
        deviceId: caller.sessionId,
        action,
        chatId,
        before: snapshot(current),
        after: { ...snapshot(next), ...extra },
        at: Date.now(),
      });
      return toWireChat(next);
    });
  }

  return {
    'chat:get': async (caller, { chatId }) => {
      const chat = await visibleChat(db, caller, chatId);
      return { chat: toWireChat(chat), notes: await notesOfChat(db, chatId) };
    },

    'chat:list': async (caller, { accountId, after, limit }) => {
      requireAccount(caller, accountId);
      const onlyFor =
        caller.role === 'agent'
          ? { memberId: caller.memberId, includeUnassigned: caller.settings.agentsSeeUnassigned }
          : null;
      return (await listChats(db, accountId, after, limit, onlyFor)).map(toWireChat);
    },

    'chat:assign': async (caller, { chatId, assigneeId, version, handover }) => {
      requireAssignOrHandOver(caller);
      let previous: string | null = null;
      const chat = await writeChat(
        caller,
        assigneeId === null ? 'chat.unassign' : 'chat.assign',
        chatId,
        version,
        async (current, tx) => {
          await checkAssignment(tx, caller, current, assigneeId);
          previous = current.assigneeId;
          return { assigneeId };
        },
        handover
          ? async (next, tx, emit) => {
              const note: WireNote = {
                id: randomUUID(),
                chatId,
                authorId: caller.memberId,
                body: handover.note,
                createdAt: Date.now(),
                kind: 'handover',
                draft: handover.draft,
                summary: handover.summary,
                clientNoteId: null,
              };
              await insertNote(tx, note);
              emit(noteEvent(next, note));
              return { handoverNoteId: note.id };
            }
          : undefined,
      );
      // Taken off someone frees a place in their capacity: a waiting chat may take it.
      if (previous !== null && previous !== chat.assigneeId) await drainWaiting(services, previous);
      return chat;
    },

    'chat:claim': async (caller, { chatId, version }) => {
      requireCapability(caller, 'chats.claim');
      return writeChat(caller, 'chat.claim', chatId, version, current => {
        if (current.assigneeId !== null && current.assigneeId !== caller.memberId) {
          throw new CommandError('conflict', 'someone else has this chat', { chat: toWireChat(current) });
        }
        return { assigneeId: caller.memberId };
      });
    },

    'chat:set-status': async (caller, { chatId, status, version }) => {
      requireCapability(caller, 'chats.update');
      let from: ChatStatus | null = null;
      let jobKey: string | null = null;
      const chat = await writeChat(
        caller,
        'chat.status',
        chatId,
        version,
        current => ((from = current.status), { status: status as ChatStatus }),
        // The rules 'when the status changes' are recorded with the change itself, so a
        // server that stops before running them still runs them (once per change, by version).
        async (next, tx) => {
          if (from !== null && from !== next.status) {
            const job = statusJob({ chatId, from, to: next.status, version: next.version }, services.clock());
            await enqueueJob(tx, job);
            jobKey = job.key;
          }
          return {};
        },
      );
      // Resolving frees a place in the assignee's capacity: a waiting chat may take it.
      if (status === 'resolved' && chat.assigneeId) await drainWaiting(services, chat.assigneeId);
      if (jobKey !== null) await services.automationJobs.runNow('status', jobKey);
      return chat;
    },

    'chat:set-tags': async (caller, { chatId, tags, version }) => {
      requireCapability(caller, 'chats.update');
      return writeChat(caller, 'chat.tags', chatId, version, () => ({ tags: [...new Set(tags)] }));
    },

    // Unversioned: the last change wins, so the write is retried against the version it finds.
    'chat:set-flags': async (caller, { chatId, pinned, archived }) => {
      requireCapability(caller, 'chats.update');
      for (let attempt = 1; ; attempt++) {
        const current = await visibleChat(db, caller, chatId);
        const patch = {
          ...(pinned !== undefined && pinned !== current.pinned ? { pinned } : {}),
          ...(archived !== undefined && archived !== current.archived ? { archived } : {}),
        };
        // Already so: nothing to write, tell, or audit.
        if (Object.keys(patch).length === 0) return toWireChat(current);
        try {
          return await writeChat(caller, 'chat.flags', chatId, current.version, () => patch);
        } catch (err) {
          if (!(err instanceof CommandError && err.code === 'conflict') || attempt >= FLAG_ATTEMPTS) throw err;
        }
      }
    },

    'messages:list': async (caller, { chatId, before, limit }) => {
      await visibleChat(db, caller, chatId);
      return wireMessagesOf(services.database.raw, await listMessages(db, chatId, before, limit));
    },

    'note:add': async (caller, { chatId, body, clientNoteId }) => {
      requireCapability(caller, 'notes.write');
      if (clientNoteId) {
        const stored = await noteByClientId(db, clientNoteId);
        if (stored) return sameNoteOrConflict(caller, stored, chatId);
      }
      try {
        return await commit(services, async (tx, emit) => {
          const chat = await visibleChat(tx, caller, chatId);
          const note: WireNote = {
            id: randomUUID(),
            chatId,
            authorId: caller.memberId,
            body,
            createdAt: Date.now(),
            kind: 'note',
            draft: null,
            summary: null,
            clientNoteId: clientNoteId ?? null,
          };
          await insertNote(tx, note);
          await insertAudit(tx, {
            memberId: caller.memberId,
            deviceId: caller.sessionId,
            action: 'note.add',
            chatId,
            before: null,
            after: { noteId: note.id },
            at: note.createdAt,
          });
          emit(noteEvent(chat, note));
          return note;
        });
      } catch (err) {
        // A retry racing the first attempt: that one committed the row (and its event and
        // audit entry); this transaction rolled back with nothing written.
        if (!clientNoteId || !isDuplicateKey(err)) throw err;
        const stored = await noteByClientId(db, clientNoteId);
        if (!stored) throw err;
        return sameNoteOrConflict(caller, stored, chatId);
      }
    },
  };
}
