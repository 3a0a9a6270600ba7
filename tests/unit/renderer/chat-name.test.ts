/**
 * How a chat is named on screen (issue #20): a lid chat without a name is "Hidden number" in
 * the reader's language, never its lid digits; a phone chat without a name shows its number;
 * a name always wins. The inbox row, rendered in plain Node, uses it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as ChatNameModule from '../../../renderer/src/lib/chat-name';
import type * as I18nModule from '../../../renderer/src/i18n';
import type { MessageKey } from '../../../renderer/src/i18n/en';
import type * as ChatRowModule from '../../../renderer/src/features/inbox/ChatRow';
import { chatFixture } from '../../helpers/chat-fixture';
import { stubBrowserGlobals } from '../../helpers/browser-globals';

let lib: typeof ChatNameModule;
let i18n: typeof I18nModule;
let row: typeof ChatRowModule;

beforeAll(async () => {
  await stubBrowserGlobals();
  lib = await import('../../../renderer/src/lib/chat-name');
  i18n = await import('../../../renderer/src/i18n');
  row = await import('../../../renderer/src/features/inbox/ChatRow');
});

const LID = '99887766554433@lid';

describe('chatName', () => {
  it('words an unnamed lid as a hidden number, in English and Bahasa Indonesia', () => {
    const en = (k: MessageKey) => i18n.translate('en', k);
    const id = (k: MessageKey) => i18n.translate('id', k);
    const lidChat = { name: '', jid: LID };
    expect(lib.chatName(lidChat, en)).toBe('Hidden number');
    expect(lib.chatName(lidChat, id)).toBe('Nomor tersembunyi');
    expect(lib.chatName({ name: '  ', jid: LID }, en)).toBe('Hidden number');
    expect(lib.chatName({ name: 'Sari', jid: LID }, en)).toBe('Sari');
    expect(lib.chatName({ name: '', jid: '6285550001111@c.us' }, en)).toBe('6285550001111');
    expect(lib.chatName({ name: 'Budi', jid: '6285550001111@c.us' }, en)).toBe('Budi');
  });

  it('the inbox row shows it, not the digits', () => {
    i18n.useI18n.setState({ language: 'en' });
    const html = renderToStaticMarkup(
      createElement(row.ChatRow, {
        chat: chatFixture('lid1', { jid: LID, name: '' }),
        account: undefined,
        selected: false,
        id: 'r1',
        locale: 'en-GB',
        now: Date.now(),
        t: (k, v) => i18n.translate('en', k, v),
        onOpen: () => undefined,
        onMenu: () => undefined,
      }),
    );
    expect(html).toContain('Hidden number');
    expect(html).not.toContain('99887766554433');
  });
});
