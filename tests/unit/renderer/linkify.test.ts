import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from '../../../renderer/src/lib/linkify';

const links = (text: string) => linkify(text).filter(s => s.kind === 'link');

describe('linkify', () => {
  it('turns http, https, www, mailto and tel into links and keeps the rest as text', () => {
    const out = linkify('See https://example.com/a?b=1, www.shop.id or mail cs@shop.co.id. Call tel:+62812345678');
    expect(out.map(s => (s.kind === 'link' ? `[${s.href}]` : s.text)).join('')).toBe(
      'See [https://example.com/a?b=1], [https://www.shop.id/] or mail [mailto:cs@shop.co.id]. Call [tel:+62812345678]',
    );
  });

  it('never links javascript:, data: or file: URLs', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>x</script>',
      'file:///etc/passwd',
    ]) {
      expect(links(bad)).toEqual([]);
      expect(safeHref(bad)).toBeNull();
      expect(
        linkify(bad)
          .map(s => s.text)
          .join(''),
      ).toBe(bad);
    }
  });

  it('keeps HTML as text', () => {
    const html = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    expect(linkify(html)).toEqual([{ kind: 'text', text: html }]);
  });

  it('leaves sentence punctuation outside the link but keeps balanced parentheses', () => {
    expect(links('go to https://a.io/x.')[0]).toMatchObject({ href: 'https://a.io/x' });
    expect(links('(https://a.io/x)')[0]).toMatchObject({ text: 'https://a.io/x' });
    expect(links('https://en.wikipedia.org/wiki/Java_(programming_language)')[0]).toMatchObject({
      text: 'https://en.wikipedia.org/wiki/Java_(programming_language)',
    });
  });

  it('does not link a link that hides a javascript scheme inside text', () => {
    const out = linkify('click javascript://example.com/%0aalert(1)');
    expect(out.some(s => s.kind === 'link' && s.href.startsWith('javascript'))).toBe(false);
  });

  it('handles a 100 KB message quickly and losslessly', () => {
    const big = 'a'.repeat(100_000) + ' https://x.io';
    const out = linkify(big);
    expect(out.map(s => s.text).join('')).toBe(big);
    expect(links(big)).toHaveLength(1);
  });
});
