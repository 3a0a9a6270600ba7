import { describe, expect, it } from 'vitest';
import type { WorkspaceTag } from '../../../common/api/tags';
import { planRename, suggestTags, tagsErrorPhrase } from '../../../renderer/src/features/tags/logic';
import { tagsEn } from '../../../renderer/src/i18n/tags.en';
import { tagsId } from '../../../renderer/src/i18n/tags.id';

const list: WorkspaceTag[] = [
  { name: 'vip', color: 'red' },
  { name: 'billing', color: 'blue' },
  { name: 'vip-gold', color: 'yellow' },
];

describe('managed tags logic', () => {
  it('a rename onto a listed tag is a merge; names are normalised like the tag editor does', () => {
    expect(planRename(list, 'vip', '#Billing ')).toEqual({ kind: 'merge', to: 'billing' });
    expect(planRename(list, 'vip', 'Priority')).toEqual({ kind: 'rename', to: 'priority' });
    expect(planRename(list, 'vip', 'VIP')).toEqual({ kind: 'same' });
    expect(planRename(list, 'vip', '  ')).toEqual({ kind: 'invalid' });
  });

  it('suggests listed tags the chat lacks, prefix matches first', () => {
    expect(suggestTags(list, ['billing'], '')).toEqual(['vip', 'vip-gold']);
    expect(suggestTags(list, [], '#gold')).toEqual(['vip-gold']);
    expect(suggestTags(list, [], 'll')).toEqual(['billing']);
    expect(suggestTags([...list, { name: 'evil', color: 'gray' }], [], 'vi')).toEqual(['vip', 'vip-gold', 'evil']);
  });

  it('words refusals by code and reason, not by the server’s sentence', () => {
    expect(tagsErrorPhrase({ code: 'forbidden', message: 'x' }).key).toBe('tags.error.forbidden');
    expect(tagsErrorPhrase({ code: 'unavailable', message: 'x' }).key).toBe('tags.error.offline');
    expect(tagsErrorPhrase({ code: 'not_found', message: 'x' }).key).toBe('tags.error.notFound');
    expect(tagsErrorPhrase({ code: 'invalid_args', message: 'x', details: { reason: 'too_many_tags' } }).key).toBe(
      'tags.error.tooMany',
    );
    expect(tagsErrorPhrase({ code: 'internal', message: 'boom' })).toEqual({
      key: 'tags.error.failed',
      vars: { message: 'boom' },
    });
  });

  it('has every string in both languages', () => {
    expect(Object.keys(tagsId).sort()).toEqual(Object.keys(tagsEn).sort());
    for (const v of Object.values(tagsId)) expect(v.trim()).not.toBe('');
  });
});
