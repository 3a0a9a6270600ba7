/**
 * What the UI hears after sync facts were applied: the chats, messages, notes, members,
 * notices and settings they changed. Split from workspace-sync so that file only wires.
 */
import type { Member, Note } from '../../common/domain';
import type { EventBus } from '../platform/event-bus';
import type { Store } from '../store';
import type { ApplyEffects } from './apply';
import { storedTeamSettings } from './team-settings';

export type EffectEventDeps = {
  readonly store: Store;
  readonly events: Pick<EventBus, 'emit'>;
  readonly members: () => readonly Member[];
  /** A note of ours came back from the server: the queued copy is settled. */
  readonly reconcileNote: (note: Note, clientNoteId: string | null) => void;
};

export function emitEffectEvents(deps: EffectEventDeps, fx: ApplyEffects): void {
  const { store, events } = deps;
  const changed = [...fx.chatIds].filter(id => !fx.removedChatIds.has(id));
  if (changed.length) events.emit('chats:changed', { chats: store.getChats(changed) });
  if (fx.removedChatIds.size) events.emit('chats:removed', { chatIds: [...fx.removedChatIds] });
  // Without these the open conversation would show a teammate's number's messages and acks only after reopening.
  if (fx.newMessageIds.size) events.emit('messages:received', { messages: store.getMessages([...fx.newMessageIds]) });
  if (fx.updatedMessageIds.size)
    events.emit('messages:updated', { messages: store.getMessages([...fx.updatedMessageIds]) });
  for (const [id, clientNoteId] of fx.noteIds) {
    const note = store.getNote(id);
    if (!note) continue;
    events.emit('notes:added', { note });
    deps.reconcileNote(note, clientNoteId);
  }
  if (fx.membersChanged) events.emit('members:changed', { members: [...deps.members()] });
  if (fx.notices.length) events.emit('notices:received', { notices: fx.notices });
  if (fx.settingsChanged) events.emit('teamSettings:changed', { settings: storedTeamSettings(store) });
  if (fx.settledSends.size) {
    const msgs = store.getMessagesByClientIds([...fx.settledSends]);
    if (msgs.length) events.emit('messages:updated', { messages: msgs });
  }
}
