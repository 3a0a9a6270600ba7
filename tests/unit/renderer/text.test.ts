import { describe, expect, it } from 'vitest';
import { formatPhone, initialsOf, senderColor, stripBidi, truncate } from '../../../renderer/src/lib/text';
import { parseSnippet } from '../../../renderer/src/lib/snippet';
import { formatBytes, parseVcard, thumbnailUrl } from '../../../renderer/src/lib/media';

describe('safe text', () => {
  it('removes bidi embedding, override and isolate controls', () => {
    const spoof = 'invoice\u202Efdp.exe\u202C \u2066x\u2069 \u202Ay\u202B';
    expect(stripBidi(spoof)).toBe('invoicefdp.exe x y');
  });

  it('truncates without splitting a surrogate pair', () => {
    expect(truncate('ab😀cd', 3)).toEqual({ text: 'ab', cut: true });
    expect(truncate('abc', 3)).toEqual({ text: 'abc', cut: false });
  });

  it('makes initials from names, ignoring symbols', () => {
    expect(initialsOf('Budi Santoso')).toBe('BS');
    expect(initialsOf('  siti ')).toBe('S');
    expect(initialsOf('!!!')).toBe('#');
  });

  it('gives a stable sender colour', () => {
    expect(senderColor('628111@c.us')).toBe(senderColor('628111@c.us'));
    expect(senderColor('x')).toMatch(/^var\(--sender-[0-7]\)$/);
  });

  it('formats phone digits for display', () => {
    expect(formatPhone('6281234567890')).toBe('+62 812 3456 7890');
    expect(formatPhone(null)).toBe('');
  });
});

describe('search snippets', () => {
  it('turns markers into highlighted parts, never HTML', () => {
    expect(parseSnippet('…the \u0002order\u0003 is <b>late</b>')).toEqual([
      { text: '…the ', hit: false },
      { text: 'order', hit: true },
      { text: ' is <b>late</b>', hit: false },
    ]);
  });
});

describe('media helpers', () => {
  it('accepts only base64 as an inline thumbnail', () => {
    expect(thumbnailUrl('AAAA')).toBe('data:image/jpeg;base64,AAAA');
    expect(thumbnailUrl('"><script>')).toBeNull();
    expect(thumbnailUrl(null)).toBeNull();
  });
  it('reads a vCard', () => {
    expect(parseVcard('BEGIN:VCARD\nVERSION:3.0\nFN:Rina Wati\nTEL;type=CELL:+62 811 222\nEND:VCARD')).toEqual({
      name: 'Rina Wati',
      phone: '+62 811 222',
    });
  });
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
