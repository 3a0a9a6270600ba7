/**
 * RBAC rows of automation rules: admins every rule, leads the rules limited to numbers they
 * are on (a rule for every number is admin-only), agents nothing.
 */
import type { RuleBody } from '../../../common/automation/rules/schema';
import { must } from './harness';
import type { Case } from './rbac-world';
import { only, w } from './rbac-world';

const ghost = '00000000-0000-4000-8000-000000000000';
const body = (accountIds: string[] | null): RuleBody => ({
  name: 'Pricing',
  enabled: false,
  stopAfter: false,
  trigger: { type: 'message.received' },
  conditions: [
    ...(accountIds ? [{ kind: 'number' as const, accountIds }] : []),
    { kind: 'textContains', text: 'harga' },
  ],
  actions: [{ kind: 'addTag', tag: 'pricing' }],
});
/** A fresh rule the admin saved, so a row that deletes it does not take another row's. */
const ruleOn = async (accountIds: string[] | null) =>
  (await must(w.adminSocket, 'rules:save', { rule: body(accountIds) })).id;
const notFoundForLead = { admin: 'ok', lead: 'not_found', agent: 'forbidden' } as const;
const ghostly = { admin: 'not_found', lead: 'not_found', agent: 'forbidden' } as const;

export const ruleCases: Case[] = [
  { cmd: 'rules:list', scope: 'own', args: () => ({}), expect: only(['admin', 'lead']) },
  { cmd: 'rules:save', scope: 'own', args: () => ({ rule: body([w.A.accountId]) }), expect: only(['admin', 'lead']) },
  {
    cmd: 'rules:save',
    scope: 'own',
    args: async () => ({ id: await ruleOn([w.A.accountId]), rule: body([w.A.accountId]) }),
    expect: only(['admin', 'lead']),
  },
  // A rule for every number acts on numbers a lead does not lead.
  { cmd: 'rules:save', scope: 'own', args: () => ({ rule: body(null) }), expect: only(['admin']) },
  { cmd: 'rules:save', scope: 'other-account', args: () => ({ rule: body([w.B.accountId]) }), expect: notFoundForLead },
  {
    cmd: 'rules:save',
    scope: 'other-account',
    args: async () => ({ id: await ruleOn([w.B.accountId]), rule: body([w.A.accountId]) }),
    expect: notFoundForLead,
  },
  {
    cmd: 'rules:save',
    scope: 'other-workspace',
    args: () => ({ id: ghost, rule: body([w.A.accountId]) }),
    expect: ghostly,
  },
  {
    cmd: 'rules:delete',
    scope: 'own',
    args: async () => ({ id: await ruleOn([w.A.accountId]) }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'rules:delete',
    scope: 'other-account',
    args: async () => ({ id: await ruleOn(null) }),
    expect: notFoundForLead,
  },
  { cmd: 'rules:delete', scope: 'other-workspace', args: () => ({ id: ghost }), expect: ghostly },
  {
    cmd: 'rules:reorder',
    scope: 'own',
    args: async () => ({ ids: [await ruleOn([w.A.accountId]), await ruleOn([w.A.accountId])] }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'rules:reorder',
    scope: 'other-account',
    args: async () => ({ ids: [await ruleOn([w.B.accountId])] }),
    expect: notFoundForLead,
  },
  { cmd: 'rules:reorder', scope: 'other-workspace', args: () => ({ ids: [ghost] }), expect: ghostly },
  {
    cmd: 'rules:test',
    scope: 'own',
    args: () => ({ accountId: w.A.accountId, text: 'berapa harga?' }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'rules:test',
    scope: 'other-account',
    args: () => ({ accountId: w.B.accountId, text: 'berapa harga?', draft: body([w.B.accountId]) }),
    expect: notFoundForLead,
  },
  { cmd: 'rules:runs', scope: 'own', args: () => ({}), expect: only(['admin', 'lead']) },
  // The workspace's AI endpoint for sentiment conditions: admins only.
  { cmd: 'automationAi:get', scope: 'own', args: () => ({}), expect: only(['admin']) },
  {
    cmd: 'automationAi:set',
    scope: 'own',
    args: () => ({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'sk-rbac' }),
    expect: only(['admin']),
  },
];
