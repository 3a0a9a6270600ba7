import { describe, expect, it } from 'vitest';
import { CHAT_ACTIONS, labelKey, patchFor, SHORTCUT_KEYS } from '../../../renderer/src/features/chat-actions/actions';
import { chatActionsEn } from '../../../renderer/src/i18n/chat-actions.en';
import { chatActionsId } from '../../../renderer/src/i18n/chat-actions.id';
import { templateEditEn } from '../../../renderer/src/i18n/template-edit.en';
import { templateEditId } from '../../../renderer/src/i18n/template-edit.id';
import { chatFixture } from '../../helpers/chat-fixture';

describe('chat actions', () => {
  it('each action toggles what the chat has now, and says so', () => {
    const plain = chatFixture('c1', { unreadCount: 0 });
    const flagged = chatFixture('c2', { unreadCount: 3, pinned: true, archived: true, muted: true });
    expect(CHAT_ACTIONS.map(a => patchFor(plain, a))).toEqual([
      { unread: true },
      { pinned: true },
      { archived: true },
      { muted: true },
    ]);
    expect(CHAT_ACTIONS.map(a => patchFor(flagged, a))).toEqual([
      { unread: false },
      { pinned: false },
      { archived: false },
      { muted: false },
    ]);
    expect(CHAT_ACTIONS.map(a => labelKey(plain, a))).toEqual([
      'chatActions.markUnread',
      'chatActions.pin',
      'chatActions.archive',
      'chatActions.mute',
    ]);
    expect(CHAT_ACTIONS.map(a => labelKey(flagged, a))).toEqual([
      'chatActions.markRead',
      'chatActions.unpin',
      'chatActions.unarchive',
      'chatActions.unmute',
    ]);
  });

  it('has one distinct shortcut per action', () => {
    expect(new Set(Object.values(SHORTCUT_KEYS)).size).toBe(CHAT_ACTIONS.length);
  });

  it('has every string in both languages', () => {
    for (const [en, id] of [
      [chatActionsEn, chatActionsId],
      [templateEditEn, templateEditId],
    ] as const) {
      expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
      for (const v of Object.values(id)) expect(v.trim()).not.toBe('');
    }
  });
});
