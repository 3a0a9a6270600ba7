import { describe, expect, it } from 'vitest';
import { groupNoticeCode } from '../../../common/preview';
import { previewEn } from '../../../renderer/src/i18n/preview.en';
import { previewId } from '../../../renderer/src/i18n/preview.id';
import type { PreviewT } from '../../../renderer/src/lib/preview-line';
import { messagePreview, previewLine } from '../../../renderer/src/lib/preview-line';

// The app's fill() lives beside the language store, which needs a browser: the same rule here.
const fill = (s: string, v?: Readonly<Record<string, string | number>>) =>
  v ? s.replace(/\{(\w+)\}/g, (m, n: string) => String(v[n] ?? m)) : s;
const en: PreviewT = (key, vars) => fill(previewEn[key], vars);
const id: PreviewT = (key, vars) => fill(previewId[key], vars);
const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();

describe('previews in the reader language', () => {
  it('words what the core stored, in English and in Bahasa Indonesia', () => {
    expect(previewLine(id, 'image', 'kardus penyok')).toBe('📷 Foto: kardus penyok');
    expect(previewLine(en, 'image', '')).toBe('📷 Photo');
    expect(previewLine(id, 'revoked', '')).toBe('Pesan ini telah dihapus');
    expect(previewLine(id, 'location', '')).toBe('📍 Lokasi');
    expect(previewLine(id, null, 'paket sudah sampai')).toBe('paket sudah sampai');
  });

  it('words group notices and leaves system lines it does not know as they are', () => {
    const code = groupNoticeCode('add', '628111@c.us', ['628222@c.us']);
    expect(previewLine(id, 'system', code)).toBe('+628111 menambahkan +628222');
    expect(previewLine(en, 'system', code)).toBe('+628111 added +628222');
    expect(
      messagePreview(id, {
        type: 'system',
        body: groupNoticeCode('leave', null, ['6281@c.us']),
        caption: null,
        revoked: false,
      }),
    ).toBe('+6281 keluar');
    expect(previewLine(id, 'system', 'Pesan dan panggilan terenkripsi')).toBe('Pesan dan panggilan terenkripsi');
  });

  it('has every phrase in Bahasa Indonesia with the same placeholders', () => {
    expect(Object.keys(previewId).sort()).toEqual(Object.keys(previewEn).sort());
    for (const key of Object.keys(previewEn) as (keyof typeof previewEn)[]) {
      expect(previewId[key].trim(), key).not.toBe('');
      expect(vars(previewId[key]), key).toEqual(vars(previewEn[key]));
    }
  });
});
