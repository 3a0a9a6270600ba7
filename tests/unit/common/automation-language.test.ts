/** The rules' "language is one of" condition: detection, the condition, the schema and what the form saves. */
import { describe, expect, it } from 'vitest';
import { languageDetector } from '../../../common/automation/language';
import { detectLanguage } from '../../../main/platform/language';
import { detectLanguage as serverDetectLanguage } from '../../../sync-server/src/automation/language';
import type { RuleFacts } from '../../../common/automation/rules/evaluate';
import { checkCondition, evaluateRules, rulesNeedLanguage } from '../../../common/automation/rules/evaluate';
import type { Rule } from '../../../common/automation/rules/schema';
import { ruleConditionSchema, ruleSchema } from '../../../common/automation/rules/schema';
import { EMPTY_DRAFT, ruleOf } from '../../../renderer/src/features/automation/rules/rule-draft';

const facts = (language: string | null | undefined): RuleFacts => ({
  trigger: { type: 'message.received' },
  accountId: 'acc-1',
  text: 'x',
  tags: [],
  contactIsNew: false,
  at: 0,
  hours: null,
  sentiment: null,
  ...(language === undefined ? {} : { language }),
});

const rule = (languages: string[], enabled = true): Rule =>
  ruleSchema.parse({
    id: 'r1',
    name: 'Indonesian',
    enabled,
    order: 0,
    stopAfter: false,
    trigger: { type: 'message.received' },
    conditions: [{ kind: 'language', languages }],
    actions: [{ kind: 'addTag', tag: 'id' }],
  });

describe('languageDetector', () => {
  it('loads the model on the first text that needs it, once, never at import (#23: 400 ms of cold start)', () => {
    let loads = 0;
    const detect = languageDetector(() => {
      loads++;
      return text => (text.startsWith('Halo') ? 'id' : '');
    });
    expect(loads).toBe(0);
    expect(detect('   ')).toBeNull();
    expect(loads).toBe(0);
    expect(detect('Halo kak')).toBe('id');
    expect(detect('???')).toBeNull();
    expect(loads).toBe(1);
  });

  it('the server and the desktop core detect the same way', () => {
    expect(serverDetectLanguage('Selamat pagi, apakah toko buka hari ini?')).toBe('id');
    expect(serverDetectLanguage('Hello, where is my order?')).toBe('en');
  });
});

describe('detectLanguage', () => {
  it('tells Indonesian from English in short chat messages', () => {
    expect(detectLanguage('Halo kak, pesanan saya belum sampai')).toBe('id');
    expect(detectLanguage('Berapa harganya?')).toBe('id');
    expect(detectLanguage('Selamat pagi, apakah toko buka hari ini?')).toBe('id');
    expect(detectLanguage('Hello, where is my order?')).toBe('en');
    expect(detectLanguage('Is the shop open today?')).toBe('en');
  });

  it('says nothing for empty or too short text', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('   ')).toBeNull();
    expect(detectLanguage('ok')).toBeNull();
  });
});

describe('the language condition', () => {
  it('holds when the detected language is one of the list, and never when unknown', () => {
    const c = ruleConditionSchema.parse({ kind: 'language', languages: ['id', 'ms'] });
    expect(checkCondition(c, facts('id'))).toEqual({ kind: 'language', holds: true });
    expect(checkCondition(c, facts('en'))).toEqual({ kind: 'language', holds: false });
    expect(checkCondition(c, facts(null))).toEqual({ kind: 'language', holds: false, note: 'no_language' });
    expect(checkCondition(c, facts(undefined))).toEqual({ kind: 'language', holds: false, note: 'no_language' });
    expect(evaluateRules([rule(['id'])], facts('id')).matched).toHaveLength(1);
    expect(evaluateRules([rule(['id'])], facts('en')).matched).toHaveLength(0);
  });

  it('takes two-letter codes only, at least one', () => {
    expect(ruleConditionSchema.safeParse({ kind: 'language', languages: ['ind'] }).success).toBe(false);
    expect(ruleConditionSchema.safeParse({ kind: 'language', languages: ['EN'] }).success).toBe(false);
    expect(ruleConditionSchema.safeParse({ kind: 'language', languages: [] }).success).toBe(false);
  });

  it('is detected only when an enabled rule asks for it', () => {
    expect(rulesNeedLanguage([rule(['id'])])).toBe(true);
    expect(rulesNeedLanguage([rule(['id'], false)])).toBe(false);
    expect(rulesNeedLanguage([])).toBe(false);
  });

  it('is saved by the rule form for the message triggers only', () => {
    const draft = { ...EMPTY_DRAFT, name: 'R', tag: 't', languages: ['id', 'en'] };
    expect(ruleOf(draft, 'acc-1').conditions).toContainEqual({ kind: 'language', languages: ['id', 'en'] });
    expect(ruleOf({ ...draft, trigger: 'chat.unanswered' }, 'acc-1').conditions.map(c => c.kind)).not.toContain(
      'language',
    );
    expect(ruleOf({ ...EMPTY_DRAFT, name: 'R', tag: 't' }, 'acc-1').conditions.map(c => c.kind)).not.toContain(
      'language',
    );
  });

  it('saves the sentiment chosen on the form (this desktop’s rules) for the message triggers', () => {
    const draft = { ...EMPTY_DRAFT, name: 'R', tag: 't', sentiment: 'negative' as const };
    expect(ruleOf(draft, 'acc-1').conditions).toContainEqual({ kind: 'sentiment', is: 'negative' });
    expect(ruleOf({ ...draft, trigger: 'status.changed' }, 'acc-1').conditions.map(c => c.kind)).not.toContain(
      'sentiment',
    );
  });
});
