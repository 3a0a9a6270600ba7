import { describe, expect, it } from 'vitest';
import { previewOf } from '../../../common/domain';
import { groupNoticeCode, parseGroupNotice, previewParts } from '../../../common/preview';

const msg = (type: Parameters<typeof previewParts>[0]['type'], body: string | null, extra = {}) => ({
  type,
  body,
  caption: null,
  revoked: false,
  ...extra,
});

describe('message previews as codes', () => {
  it('gives labelled types a kind and keeps only their own text', () => {
    expect(previewParts(msg('image', null, { caption: 'kardus penyok' }))).toEqual({
      kind: 'image',
      text: 'kardus penyok',
    });
    expect(previewParts(msg('text', 'halo'))).toEqual({ kind: null, text: 'halo' });
    expect(previewParts(msg('text', 'rahasia', { revoked: true }))).toEqual({ kind: 'revoked', text: '' });
    expect(previewParts(msg('unknown', null))).toEqual({ kind: null, text: '' });
    expect(previewParts(msg('text', 'x'.repeat(500))).text).toHaveLength(200);
  });

  it('keeps an English line for places without a reader (AI prompts)', () => {
    expect(previewOf(msg('image', null, { caption: 'kardus' }))).toBe('📷 Photo: kardus');
    expect(previewOf(msg('system', groupNoticeCode('leave', null, ['628111@c.us'])))).toBe('+628111 left');
  });
});

describe('group notices', () => {
  it('round-trips a notice through the code stored in the body', () => {
    const code = groupNoticeCode('promote', '628111@c.us', ['628222@c.us', '628333@s.whatsapp.net']);
    expect(code).toBe('notice:group.promote;by=628111;to=628222,628333');
    expect(parseGroupNotice(code)).toEqual({ kind: 'promote', author: '628111', recipients: ['628222', '628333'] });
  });

  it('files an unknown notice type under other', () => {
    expect(parseGroupNotice(groupNoticeCode('ephemeral', null, []))).toEqual({
      kind: 'other',
      author: null,
      recipients: [],
    });
  });

  it('treats plain text and forged codes as text, and never throws', () => {
    expect(parseGroupNotice('Budi added Sari')).toBeNull();
    expect(parseGroupNotice(null)).toBeNull();
    expect(parseGroupNotice('notice:group.hack;by=1')).toBeNull();
    expect(parseGroupNotice('notice:group.add;by=<img src=x>;to=1,abc,2')).toEqual({
      kind: 'add',
      author: null,
      recipients: ['1', '2'],
    });
    expect(parseGroupNotice(`notice:group.add;by=1;to=${'9,'.repeat(10_000)}`)?.recipients).toHaveLength(50);
  });
});
