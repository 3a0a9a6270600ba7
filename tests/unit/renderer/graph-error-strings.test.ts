import { describe, expect, it } from 'vitest';
import { GRAPH_ERROR_CODES } from '../../../common/cloud-api';
import { graphErrorText } from '../../../renderer/src/features/cloud-api/useGraphErrorT';
import { graphErrorsEn } from '../../../renderer/src/i18n/graph-errors.en';
import { graphErrorsId } from '../../../renderer/src/i18n/graph-errors.id';

describe('Cloud API error sentences', () => {
  it('words every code in English and Bahasa Indonesia, each its own sentence', () => {
    expect(Object.keys(graphErrorsId).sort()).toEqual(Object.keys(graphErrorsEn).sort());
    for (const code of GRAPH_ERROR_CODES) {
      const en = graphErrorText('en', code);
      const id = graphErrorText('id', code);
      expect(en.trim(), code).not.toBe('');
      expect(id, code).not.toBe(en);
    }
    expect(new Set(GRAPH_ERROR_CODES.map(c => graphErrorText('en', c))).size).toBe(GRAPH_ERROR_CODES.length);
  });

  it('says why only a template can be sent when the window is closed', () => {
    expect(graphErrorText('en', 'window_closed')).toMatch(/24 hours.*template/);
    expect(graphErrorText('id', 'window_closed')).toMatch(/24 jam.*template/);
  });

  it('gives the generic refusal for a code this build does not know', () => {
    expect(graphErrorText('id', 'quota_exceeded')).toBe(graphErrorsId['graphError.bad_request']);
  });
});
