import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, readableTextOn } from '../../../renderer/src/lib/contrast';

const ratioOn = (bg: string) => {
  const text = readableTextOn(bg);
  return contrastRatio(luminance(bg)!, luminance(text)!);
};

describe('text on a number’s colour', () => {
  it('WhatsApp green gets black text, well above AA (white was 1.98:1)', () => {
    expect(contrastRatio(luminance('#25D366')!, 1)).toBeLessThan(2);
    expect(readableTextOn('#25D366')).toBe('#000');
    expect(ratioOn('#25D366')).toBeGreaterThan(4.5);
  });

  it('every colour gets a text colour of at least 4.5:1', () => {
    for (let r = 0; r < 256; r += 17)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 17) {
          const hex = `#${[r, g, b].map(c => c.toString(16).padStart(2, '0')).join('')}`;
          expect(ratioOn(hex)).toBeGreaterThanOrEqual(4.5);
        }
  });

  it('reads #rgb, and falls back to white for what is not a colour', () => {
    expect(luminance('#fff')).toBeCloseTo(1);
    expect(luminance('red')).toBeNull();
    expect(readableTextOn('not a colour')).toBe('#fff');
  });
});
