/**
 * The renderer's side of two #20 refusals and waits: a reply from another number to a
 * lid-only customer that the core refuses (`lid_only`) keeps the draft and names the
 * refusal for the composer, in both languages; an edit relayed to the number's host shows
 * as waiting until the core's messages:change-settled, and a refusal stays with its words.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountId, Chat, ChatId } from '../../../common/domain';
import { fill } from '../../../renderer/src/i18n/dictionary';
import { en } from '../../../renderer/src/i18n/en';
import { id } from '../../../renderer/src/i18n/id';

const invoke = vi.fn();
const listeners = new Map<string, (payload: unknown) => void>();
const subscribe = vi.fn((name: string, cb: (payload: unknown) => void) => {
  listeners.set(name, cb);
  return () => listeners.delete(name);
});
vi.mock('../../../renderer/src/api/client', () => ({ api: () => ({ invoke, subscribe }) }));
const { useComposer } = await import('../../../renderer/src/stores/composer');
const { useRelayedChanges } = await import('../../../renderer/src/features/conversation/relayed-changes');

const chat = {
  id: 'acc_a:99887766554433@lid' as ChatId,
  accountId: 'acc_a' as AccountId,
  jid: '99887766554433@lid',
  isGroup: false,
} as Chat;

beforeEach(() => invoke.mockReset());

describe('a reply from another number to a lid-only customer', () => {
  it('keeps the draft and records lid_only for the chat; a send that goes through clears it', async () => {
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'lid_only', message: 'hidden' } });
    useComposer.getState().setSendAs(chat.id, 'acc_b' as AccountId);
    expect(await useComposer.getState().send(chat, 'Halo')).toBeNull();
    expect(invoke.mock.calls[0]?.[1]).toMatchObject({ chatId: 'acc_b:99887766554433@lid', text: 'Halo' });
    expect(useComposer.getState().draft(chat.id).text).toBe('Halo');
    expect(useComposer.getState().refusal).toEqual({ chatId: chat.id, code: 'lid_only' });

    invoke.mockResolvedValueOnce({
      ok: true,
      value: { id: 'acc_b:x', chatId: 'acc_b:6281234567@c.us', clientMessageId: 'c', ack: 'pending' },
    });
    expect(await useComposer.getState().send(chat, 'Halo')).toBe('acc_b:6281234567@c.us');
    expect(useComposer.getState().refusal).toBeNull();
  });

  it('explains it in English and Bahasa Indonesia', () => {
    expect(fill(en['composer.lidOnly'])).toMatch(/hidden.*reply from the number they wrote to/);
    expect(fill(id['composer.lidOnly']).trim()).not.toBe('');
    expect(id['composer.lidOnly']).not.toBe(en['composer.lidOnly']);
  });
});

describe('an edit relayed to the number’s host', () => {
  it('waits until settled: a success clears it, a refusal keeps its code', () => {
    const s = useRelayedChanges.getState();
    s.queued('acc:1', 'edit');
    s.queued('acc:2', 'delete');
    expect(useRelayedChanges.getState().byMessage.get('acc:1')).toEqual({ kind: 'edit', state: 'queued', error: null });
    const settled = listeners.get('messages:change-settled');
    expect(settled).toBeDefined();
    settled!({ messageId: 'acc:1', kind: 'edit', state: 'sent', error: null });
    settled!({ messageId: 'acc:2', kind: 'delete', state: 'failed', error: 'too_late' });
    expect(useRelayedChanges.getState().byMessage.get('acc:1')).toBeUndefined();
    expect(useRelayedChanges.getState().byMessage.get('acc:2')).toEqual({
      kind: 'delete',
      state: 'failed',
      error: 'too_late',
    });
    expect(subscribe).toHaveBeenCalledTimes(1);
  });
});
