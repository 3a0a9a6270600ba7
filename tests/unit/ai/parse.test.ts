import { describe, expect, it } from 'vitest';
import {
  completedSuggestions,
  extractJson,
  parseRewrite,
  parseSentiment,
  parseSuggestions,
  parseSummary,
} from '../../../main/ai/parse';

describe('parseSuggestions', () => {
  it('reads the asked-for JSON, also inside a code fence', () => {
    expect(parseSuggestions('{"replies":["Hi!","Sure.","Let me check."]}')).toEqual(['Hi!', 'Sure.', 'Let me check.']);
    expect(parseSuggestions('```json\n{"replies":["A","B"]}\n```')).toEqual(['A', 'B']);
    expect(parseSuggestions('["One","Two","Three","Four"]')).toEqual(['One', 'Two', 'Three']);
  });

  it('falls back to lines, dropping numbering, quotes and preambles', () => {
    const text =
      'Here are three replies:\n1. "Halo kak, pesanan sudah dikirim."\n2) Baik, kami cek dulu ya.\n- Terima kasih!\n';
    expect(parseSuggestions(text)).toEqual([
      'Halo kak, pesanan sudah dikirim.',
      'Baik, kami cek dulu ya.',
      'Terima kasih!',
    ]);
  });

  it('drops duplicates and empty lines', () => {
    expect(parseSuggestions('Yes\n\nYes\nNo')).toEqual(['Yes', 'No']);
  });

  it('returns nothing for JSON of the wrong shape', () => {
    expect(parseSuggestions('{"replies": 5}')).toEqual([]);
    expect(parseSuggestions('{"replies": ["unterminated')).toEqual([]);
  });
});

describe('completedSuggestions', () => {
  it('yields only finished JSON strings of a partial stream', () => {
    expect(completedSuggestions('{"replies":["Hel')).toEqual([]);
    expect(completedSuggestions('{"replies":["Hello","Sec')).toEqual(['Hello']);
    expect(completedSuggestions('{"replies":["Hello","Second \\"quoted\\"","Th')).toEqual(['Hello', 'Second "quoted"']);
  });

  it('yields only finished lines of a plain stream', () => {
    expect(completedSuggestions('1. First')).toEqual([]);
    expect(completedSuggestions('1. First\n2. Sec')).toEqual(['First']);
  });
});

describe('parseSummary', () => {
  it('reads JSON and renders the hand-over text', () => {
    const s = parseSummary(
      '{"customerWants":"A refund","promised":["Refund by Friday"],"openQuestions":"Bank account?"}',
    );
    expect(s).toEqual({
      customerWants: 'A refund',
      promised: ['Refund by Friday'],
      openQuestions: ['Bank account?'],
      text: 'Customer wants: A refund\nPromised:\n• Refund by Friday\nOpen questions:\n• Bank account?',
    });
  });

  it('keeps a prose answer as the summary', () => {
    expect(parseSummary('The customer wants a refund.')?.text).toBe('The customer wants a refund.');
  });

  it('refuses broken or empty JSON', () => {
    expect(parseSummary('{"customerWants": ')).toBeNull();
    expect(parseSummary('{}')).toBeNull();
    expect(parseSummary('   ')).toBeNull();
  });
});

describe('parseRewrite', () => {
  it('strips quotes and fences, reads {"text"}', () => {
    expect(parseRewrite('"Thank you for waiting!"')).toBe('Thank you for waiting!');
    expect(parseRewrite('```\nShort text\n```')).toBe('Short text');
    expect(parseRewrite('{"text":"From JSON"}')).toBe('From JSON');
    expect(parseRewrite('{"nope":1}')).toBeNull();
  });
});

describe('parseSentiment', () => {
  it('reads verdicts, normalises case, clamps urgency and drops invalid entries', () => {
    const v = parseSentiment(
      '{"chats":[{"id":"c1","sentiment":"Negative","urgency":5},{"id":"c2","sentiment":"meh","urgency":1},{"id":"c3","sentiment":"positive","urgency":"0"}]}',
    );
    expect(v && [...v]).toEqual([
      ['c1', { sentiment: 'negative', urgency: 3 }],
      ['c3', { sentiment: 'positive', urgency: 0 }],
    ]);
  });

  it('accepts a bare array and refuses prose', () => {
    expect(parseSentiment('[{"id":"c1","sentiment":"neutral","urgency":1}]')?.get('c1')).toEqual({
      sentiment: 'neutral',
      urgency: 1,
    });
    expect(parseSentiment('everyone is happy')).toBeNull();
  });
});

describe('extractJson', () => {
  it('finds JSON inside prose', () => {
    expect(extractJson('Sure! {"a":1} hope it helps')).toEqual({ a: 1 });
    expect(extractJson('no json')).toBeNull();
  });
});
