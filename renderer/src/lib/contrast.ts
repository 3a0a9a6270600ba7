/**
 * WCAG 2 contrast for text drawn on a number's own colour: the account colours are chosen by
 * users (and WhatsApp green is too light for white text), so the text takes whichever of
 * black or white reads better. One of the two always reaches 4.58:1, above AA's 4.5.
 */
function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of #rgb / #rrggbb; null for anything else. */
export function luminance(hex: string): number | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map(x => x + x).join('') : m[1]!;
  const [r, g, b] = [0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16));
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

export function contrastRatio(a: number, b: number): number {
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever has more contrast on `background` (white when it cannot be read). */
export function readableTextOn(background: string): '#000' | '#fff' {
  const l = luminance(background);
  if (l === null) return '#fff';
  return contrastRatio(l, 0) > contrastRatio(l, 1) ? '#000' : '#fff';
}
