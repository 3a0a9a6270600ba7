/**
 * The workspace's managed tags: everyone reads the list, admins and leads change it. A
 * rename, merge or delete rewrites the tag on every chat that has it, in one transaction,
 * with a chat:updated per chat (each chat's version moves, so an edit made meanwhile on a
 * stale copy is refused and re-read rather than undone).
 */
import { CommandError } from '../../../common/result';
import type { WireTag, WireTagChange } from '../../../common/protocol-tags';
import { MAX_WORKSPACE_TAGS } from '../../../common/protocol-tags';
import type { Tx } from '../db/index';
import { updateChatIfVersion, toWireChat } from '../db/repositories/chats';
import { chatsWithTag, countTags, deleteTag, listTags, saveTag, tagByName } from '../db/repositories/tags';
import { insertAudit } from '../db/repositories/workspace';
import { chatEvent, requireCapability } from './access';
import type { Caller, Emit, Services } from './context';
import { commit } from './context';
import type { HandlerTable } from './dispatch';

type TagHandlers = Pick<HandlerTable, 'tag:list' | 'tag:upsert' | 'tag:rename' | 'tag:delete'>;

/** Replaces `from` with `to` (or drops it when `to` is null) on every chat that has it; returns how many changed. */
async function retagChats(tx: Tx, emit: Emit, from: string, to: string | null): Promise<number> {
  let changed = 0;
  for (const row of await chatsWithTag(tx, from)) {
    const tags = toWireChat(row).tags.flatMap(t => (t !== from ? [t] : to === null ? [] : [to]));
    // The rows are locked, so the version check cannot lose; the bump tells devices to re-read.
    const next = await updateChatIfVersion(tx, row.id, row.version, { tags: [...new Set(tags)] });
    if (!next) throw new Error(`chat ${row.id} changed under its row lock`);
    emit(chatEvent('chat:updated', next));
    changed++;
  }
  return changed;
}

async function existing(tx: Tx, name: string): Promise<WireTag> {
  const tag = await tagByName(tx, name);
  if (!tag) throw new CommandError('not_found', 'no such tag');
  return tag;
}

export function tagHandlers(services: Services): TagHandlers {
  const audit = (tx: Tx, caller: Caller, action: string, before: unknown, after: unknown) =>
    insertAudit(tx, {
      memberId: caller.memberId,
      deviceId: caller.sessionId,
      action,
      chatId: null,
      before,
      after,
      at: Date.now(),
    });

  return {
    // Every member: agents need the list for suggestions, colours and the filter.
    'tag:list': async () => listTags(services.db),

    'tag:upsert': async (caller, { name, color }) => {
      requireCapability(caller, 'tags.manage');
      return commit(services, async (tx, emit) => {
        const before = await tagByName(tx, name);
        if (!before && (await countTags(tx)) >= MAX_WORKSPACE_TAGS)
          throw new CommandError('invalid_args', `the workspace has ${MAX_WORKSPACE_TAGS} tags already`, {
            reason: 'too_many_tags',
          });
        const tag: WireTag = { name, color };
        await saveTag(tx, tag, Date.now());
        await audit(tx, caller, 'tag.upsert', before ?? null, tag);
        emit({ body: { type: 'tag:updated', tag }, audience: 'workspace' });
        return tag;
      });
    },

    'tag:rename': async (caller, { from, to }) => {
      requireCapability(caller, 'tags.manage');
      if (from === to) throw new CommandError('invalid_args', 'the new name is the old one');
      return commit(services, async (tx, emit): Promise<WireTagChange> => {
        const old = await existing(tx, from);
        // Onto a tag already on the list: a merge, and that tag keeps its colour.
        const onto = await tagByName(tx, to);
        const target = onto ?? { name: to, color: old.color };
        await deleteTag(tx, from);
        await saveTag(tx, target, Date.now());
        emit(
          { body: { type: 'tag:deleted', name: from }, audience: 'workspace' },
          { body: { type: 'tag:updated', tag: target }, audience: 'workspace' },
        );
        const chats = await retagChats(tx, emit, from, to);
        await audit(tx, caller, onto ? 'tag.merge' : 'tag.rename', old, { ...target, chats });
        return { tag: target, chats };
      });
    },

    'tag:delete': async (caller, { name }) => {
      requireCapability(caller, 'tags.manage');
      return commit(services, async (tx, emit): Promise<WireTagChange> => {
        const old = await existing(tx, name);
        await deleteTag(tx, name);
        emit({ body: { type: 'tag:deleted', name }, audience: 'workspace' });
        const chats = await retagChats(tx, emit, name, null);
        await audit(tx, caller, 'tag.delete', old, { chats });
        return { tag: null, chats };
      });
    },
  };
}
