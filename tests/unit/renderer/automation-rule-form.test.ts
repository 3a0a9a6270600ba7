/**
 * Settings → Automation → Rules, "Add a rule": what the form's draft saves (every trigger,
 * condition and action the engine supports), and that the rendered form offers them in
 * English and Bahasa Indonesia. Plain Node (server rendering), no API call.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleBodySchema } from '../../../common/automation/rules/schema';
import type * as DraftModule from '../../../renderer/src/features/automation/rules/rule-draft';
import type * as FormModule from '../../../renderer/src/features/automation/rules/RuleForm';
import type * as TriggersModule from '../../../renderer/src/features/automation/rules/TriggerFields';
import { rulesEn } from '../../../renderer/src/i18n/rules.en';
import { rulesId } from '../../../renderer/src/i18n/rules.id';
import { fill } from '../../../renderer/src/i18n/dictionary';
import { stubBrowserGlobals } from '../../helpers/browser-globals';

let draft: typeof DraftModule;
let form: typeof FormModule;
let triggers: typeof TriggersModule;
beforeAll(async () => {
  await stubBrowserGlobals();
  draft = await import('../../../renderer/src/features/automation/rules/rule-draft');
  form = await import('../../../renderer/src/features/automation/rules/RuleForm');
  triggers = await import('../../../renderer/src/features/automation/rules/TriggerFields');
});

const ACCOUNT = 'acc-1';

describe('the rule a draft saves', () => {
  it('keyword and pattern on a message, tag and note: limited to the number, valid for the server', () => {
    const rule = draft.ruleOf(
      {
        ...draft.EMPTY_DRAFT,
        name: ' Orders ',
        text: ' order ',
        regex: '(order|invoice) #?\\d+',
        hasTag: 'vip',
        tag: 'orders',
        note: 'Asked about an order',
        notify: 'Order question from {{customer.name}}',
        assignTo: 'member-7',
      },
      ACCOUNT,
    );
    expect(rule).toEqual({
      name: 'Orders',
      enabled: true,
      stopAfter: false,
      trigger: { type: 'message.received' },
      conditions: [
        { kind: 'number', accountIds: [ACCOUNT] },
        { kind: 'textContains', text: 'order' },
        { kind: 'textRegex', pattern: '(order|invoice) #?\\d+' },
        { kind: 'tag', tag: 'vip' },
      ],
      actions: [
        { kind: 'addTag', tag: 'orders' },
        { kind: 'assign', memberId: 'member-7' },
        { kind: 'note', text: 'Asked about an order' },
        { kind: 'notify', text: 'Order question from {{customer.name}}' },
      ],
    });
    expect(ruleBodySchema.safeParse(rule).success).toBe(true);
  });

  it('unanswered after N minutes (clamped to 1–10,080), assigning back to the pool; message-only conditions left out', () => {
    const base = {
      ...draft.EMPTY_DRAFT,
      name: 'Late',
      trigger: 'chat.unanswered' as const,
      text: 'x',
      contactNew: true,
    };
    const rule = draft.ruleOf({ ...base, minutes: '45', assignTo: draft.ASSIGN_POOL }, ACCOUNT);
    expect(rule.trigger).toEqual({ type: 'chat.unanswered', minutes: 45 });
    expect(rule.conditions).toEqual([{ kind: 'number', accountIds: [ACCOUNT] }]);
    expect(rule.actions).toEqual([{ kind: 'assign' }]);
    expect(ruleBodySchema.safeParse(rule).success).toBe(true);
    expect(draft.ruleOf({ ...base, minutes: '0' }, ACCOUNT).trigger).toEqual({ type: 'chat.unanswered', minutes: 1 });
    expect(draft.ruleOf({ ...base, minutes: '99999' }, ACCOUNT).trigger).toEqual({
      type: 'chat.unanswered',
      minutes: 10_080,
    });
  });

  it('status changed from and/or to, each side optional', () => {
    const base = { ...draft.EMPTY_DRAFT, name: 'Closed', trigger: 'status.changed' as const, status: 'open' as const };
    expect(draft.ruleOf({ ...base, statusFrom: 'pending', statusTo: 'resolved' }, ACCOUNT).trigger).toEqual({
      type: 'status.changed',
      from: 'pending',
      to: 'resolved',
    });
    const any = draft.ruleOf(base, ACCOUNT);
    expect(any.trigger).toEqual({ type: 'status.changed' });
    expect(ruleBodySchema.safeParse(any).success).toBe(true);
  });

  it('an empty draft has no action (the form refuses to save it)', () => {
    expect(draft.ruleOf({ ...draft.EMPTY_DRAFT, name: 'x' }, ACCOUNT).actions).toEqual([]);
  });
});

describe('the form', () => {
  const render = () =>
    renderToStaticMarkup(
      createElement(form.RuleForm, { t: k => fill(rulesEn[k]), accountId: ACCOUNT, onSaved: () => {} }),
    );

  it('offers the four triggers, the pattern and tag conditions and the team actions', () => {
    const html = render();
    for (const key of [
      'rules.when.chat.unanswered',
      'rules.when.status.changed',
      'rules.regex',
      'rules.hasTag',
      'rules.assign.pool',
      'rules.note',
      'rules.notify',
    ] as const)
      expect(html).toContain(rulesEn[key]);
  });

  it('Bahasa Indonesia has every new key, different from English where it is a sentence', () => {
    for (const key of [
      'rules.when.chat.unanswered',
      'rules.regex.unsafe',
      'rules.assign.pool',
      'rules.notify',
    ] as const) {
      expect(rulesId[key]).toBeTruthy();
      expect(rulesId[key]).not.toBe(rulesEn[key]);
    }
  });
});

describe('the triggers of this desktop’s own rules (not signed in)', () => {
  const fields = (trigger: 'chat.unanswered' | 'status.changed', local: boolean) =>
    renderToStaticMarkup(
      createElement(triggers.TriggerFields, {
        t: k => fill(rulesEn[k]),
        label: 'When',
        value: { trigger, minutes: '5', from: '', to: '' },
        set: () => {},
        editing: true,
        local,
      }),
    );

  it('says how a wait and a status change run on this computer, in both languages', () => {
    expect(fields('chat.unanswered', true)).toContain(rulesEn['rules.unanswered.helpLocal'].slice(0, 40));
    expect(fields('chat.unanswered', false)).not.toContain(rulesEn['rules.unanswered.helpLocal'].slice(0, 40));
    expect(fields('status.changed', true)).toContain(rulesEn['rules.statusChanged.helpLocal'].slice(0, 40));
    expect(fields('status.changed', false)).toContain(rulesEn['rules.statusChanged.help'].slice(0, 40));
    for (const key of ['rules.unanswered.helpLocal', 'rules.statusChanged.helpLocal'] as const) {
      expect(rulesId[key]).toBeTruthy();
      expect(rulesId[key]).not.toBe(rulesEn[key]);
    }
  });
});
