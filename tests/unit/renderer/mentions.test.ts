/**
 * @mentions as the inbox shows them (issue #20): `@<digits>` in a body becomes "@Name" from
 * the contacts, else the formatted number, a lid without a known phone "hidden number", and
 * our own number "You"; rendered through the message body component in plain Node.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mention } from '../../../common/domain';
import type * as LinkifiedModule from '../../../renderer/src/components/Linkified';
import { mentionDisplay, splitMentions, textWithMentions } from '../../../renderer/src/lib/mentions';
import { stubBrowserGlobals } from '../../helpers/browser-globals';

let Linkified: typeof LinkifiedModule.Linkified;
beforeAll(async () => {
  await stubBrowserGlobals();
  ({ Linkified } = await import('../../../renderer/src/components/Linkified'));
});

const labels = { you: 'You', hiddenNumber: 'hidden number' };
const mentions: Mention[] = [
  { jid: '6281234567890@c.us', name: 'Budi Santoso', phone: '6281234567890' },
  { jid: '6285550001111@c.us', name: null, phone: null },
  { jid: '99887766554433@lid', name: null, phone: null },
  { jid: '11223344@lid', name: null, phone: '6287700001111' },
  { jid: '628999000111@c.us', name: 'Toko (our number)', phone: '628999000111' },
];
const shown = (text: string, own: string | null = '628999000111') =>
  splitMentions(text, mentionDisplay(mentions, own, labels))
    .map(s => (s.kind === 'mention' ? `[${s.text}]` : s.text))
    .join('');

describe('mentions', () => {
  it('shows the name, else the formatted number, a lid as hidden number, and us as You', () => {
    expect(shown('Halo @6281234567890, @6285550001111, @99887766554433, @11223344 dan @628999000111!')).toBe(
      'Halo [@Budi Santoso], [@+62 855 5000 1111], [@hidden number], [@+62 877 0000 1111] dan [@You]!',
    );
    // Without our own number known, our mention reads as the contact it is.
    expect(shown('@628999000111', null)).toBe('[@Toko (our number)]');
  });

  it('replaces only whole tokens of mentioned ids, and leaves other @words alone', () => {
    expect(shown('@62812345678901 and mail@6281234567890x @628 @someone')).toBe(
      '@62812345678901 and mail[@Budi Santoso]x @628 @someone',
    );
    expect(splitMentions('no mentions @6281234567890', new Map())).toEqual([
      { kind: 'text', text: 'no mentions @6281234567890' },
    ]);
  });

  it('names people in plain text for the chat list’s preview, as the bubble does', () => {
    expect(
      textWithMentions('Halo @6281234567890 dan @99887766554433 @628999000111', mentions, '628999000111', labels),
    ).toBe('Halo @Budi Santoso dan @hidden number @You');
    // No mentions: the text as stored; the same label words in Bahasa Indonesia.
    expect(textWithMentions('@6281234567890', undefined, null, labels)).toBe('@6281234567890');
    expect(
      textWithMentions('@99887766554433 @628999000111', mentions, '628999000111', {
        you: 'Anda',
        hiddenNumber: 'nomor tersembunyi',
      }),
    ).toBe('@nomor tersembunyi @Anda');
  });

  it('renders mentions as marked text beside links, never as HTML', () => {
    const hostile: Mention[] = [{ jid: '6281234567890@c.us', name: '<img src=x onerror=alert(1)>', phone: null }];
    const html = renderToStaticMarkup(
      createElement(Linkified, {
        text: 'cc @6281234567890 https://shop.id',
        mentions: mentionDisplay(hostile, null, labels),
      }),
    );
    expect(html).toContain(
      '<bdi class="mention" data-jid="6281234567890@c.us">@&lt;img src=x onerror=alert(1)&gt;</bdi>',
    );
    expect(html).toContain('href="https://shop.id/"');
    expect(html).not.toContain('<img');
  });
});
