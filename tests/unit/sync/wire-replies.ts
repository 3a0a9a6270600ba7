/**
 * One valid reply value for every command, as the workspace server answers it, for the
 * reply-schema and desktop tests. The map is keyed by command, so a new command without a
 * sample here fails to compile. Built from the fact samples (wire-samples.ts): a reply
 * carries the same chats, members and notes the facts do.
 */
import type { WireCloudNumber } from '../../../common/protocol-cloud';
import type { WireReactionRequest } from '../../../common/protocol-reactions';
import type { WireMessageChange } from '../../../common/protocol-message-changes';
import type { WireRule } from '../../../common/protocol-automation-rules';
import type { WireApiKey } from '../../../common/protocol-api-keys';
import type { CommandName, CommandResult, WireAudit } from '../../../common/protocol';
import type { WireWebhook, WireWebhookDelivery } from '../../../common/protocol-webhooks';
import {
  ALL_FACTS,
  FACTS,
  MEMBER,
  REMOTE,
  T0,
  chatIdOf,
  wireChat,
  wireMessage,
  wirePresence,
  wireSend,
} from './wire-samples';

export const wireAudit: WireAudit = {
  id: 7,
  memberId: MEMBER,
  deviceId: null,
  action: 'chat.assign',
  chatId: chatIdOf(1),
  before: { assigneeId: null },
  after: { assigneeId: MEMBER },
  at: T0,
};

const { account } = FACTS['account:updated'];
const { member } = FACTS['member:updated'];
const { note } = FACTS['note:added'];
const { settings } = FACTS['settings:updated'];
const { template } = FACTS['template:updated'];
const RULE_SAMPLE: WireRule = {
  id: '5d1c9b1e-3c1a-4a51-9a43-1d7c2f4b8e10',
  order: 0,
  name: 'Pricing',
  enabled: true,
  stopAfter: true,
  trigger: { type: 'message.received' },
  conditions: [
    { kind: 'number', accountIds: [REMOTE] },
    { kind: 'textRegex', pattern: 'berapa\\s+harga' },
  ],
  actions: [
    { kind: 'reply', templateId: 't1' },
    { kind: 'addTag', tag: 'pricing' },
  ],
  updatedAt: T0,
  updatedBy: '9b2f6f1e-1c1a-4a51-9a43-1d7c2f4b8e10',
};

const API_KEY_SAMPLE: WireApiKey = {
  id: '00000000-0000-4000-8000-0000000000b1',
  name: 'CRM',
  prefix: '0a1b2c3d',
  scopes: ['chats:read', 'messages:send'],
  accountIds: null,
  createdBy: MEMBER,
  createdAt: T0,
  lastUsedAt: null,
  revokedAt: null,
};

const WEBHOOK: WireWebhook = {
  id: '00000000-0000-4000-8000-0000000000b1',
  url: 'https://hooks.example.com/blazz',
  events: ['message.received', 'note.added'],
  enabled: true,
  consecutiveFailures: 0,
  disabledReason: null,
  createdAt: T0,
  updatedAt: T0,
};
const WEBHOOK_DELIVERY: WireWebhookDelivery = {
  id: 7,
  endpointId: WEBHOOK.id,
  eventId: '00000000-0000-4000-8000-0000000000c1',
  eventType: 'message.received',
  status: 'delivered',
  attempts: 1,
  createdAt: T0,
  lastAttemptAt: T0 + 40,
  nextAttemptAt: null,
  responseCode: 200,
  latencyMs: 12,
  error: null,
};

const CLOUD_NUMBER: WireCloudNumber = {
  accountId: 'meta_106540352242922',
  name: 'Support',
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  displayPhone: '+62 812-3456-7890',
  verifiedName: 'Toko Maju',
  createdAt: 1_700_000_000_000,
  qualityRating: 'GREEN',
  messagingLimit: 'TIER_2K',
  qualityEvent: 'ONBOARDING',
  qualityAt: 1_700_000_000_000,
};

const REACTION: WireReactionRequest = {
  clientReactionId: '5b0c3f9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  accountId: 'acct-1',
  chatId: 'acct-1:6281234567890@c.us',
  chatJid: '6281234567890@c.us',
  providerMessageId: 'ABCDEF123',
  emoji: '👍',
  state: 'queued',
  error: null,
};

const CHANGE: WireMessageChange = {
  clientChangeId: '6c1d4a0f-2b3c-4d4e-9fa0-1b2c3d4e5f60',
  accountId: 'acct-1',
  chatId: 'acct-1:6281234567890@c.us',
  chatJid: '6281234567890@c.us',
  providerMessageId: 'true_6281234567890@c.us_3EB0AB',
  kind: 'edit',
  text: 'Sampai jumpa besok',
  state: 'queued',
  error: null,
};

/** A valid reply value for every command, as the workspace server answers it. */
export const REPLIES: { readonly [K in CommandName]: CommandResult<K> } = {
  'sync:pull': { events: [...ALL_FACTS], cursor: 15, hasMore: false },
  'sync:push': { messages: 2, chats: 1, contacts: 1, updates: 0, lastSeq: 7 },
  'account:register': account,
  'account:report-state': { ...account, state: 'disconnected' },
  'account:list': [account, { ...account, id: 'acc-2', phone: '628120009', hostDeviceId: null, memberIds: [] }],
  'account:add-member': account,
  'account:remove-member': { ...account, memberIds: [] },
  'member:list': [member, { ...member, id: 'member-2', role: 'agent', active: false }],
  'member:create': member,
  'member:update': { ...member, name: 'Ana B.' },
  'settings:get': settings,
  'settings:update': { agentsSeeUnassigned: true, agentsMayHandOver: false, adminsRequireMfa: true },
  'chat:get': { chat: wireChat(1), notes: [note, { ...note, id: 'note-2', kind: 'note', draft: null }] },
  'chat:list': [wireChat(1), wireChat(2, { lastMessageAt: null, assigneeId: null, tags: [] })],
  'chat:assign': wireChat(1, { version: 4 }),
  'chat:claim': wireChat(2, { assigneeId: MEMBER }),
  'chat:set-status': wireChat(1, { status: 'resolved' }),
  'chat:set-flags': wireChat(2, { pinned: true, archived: false }),
  'chat:set-tags': wireChat(1, { tags: ['vip', 'refund'] }),
  'messages:list': [wireMessage(1, 'pm-1'), wireMessage(1, 'pm-2', { type: 'chat', body: 'hi', media: null })],
  'note:add': note,
  'typing:set': { chatId: chatIdOf(1), active: true },
  'message:send': wireSend({ state: 'queued', providerMessageId: null }),
  'send:pending': [wireSend({ state: 'forwarded', providerMessageId: null })],
  'send:report': wireSend(),
  'template:list': [template],
  'template:upsert': template,
  'template:delete': { id: 'tpl-2' },
  'presence:set': { ...wirePresence, status: 'online' },
  'presence:list': [wirePresence],
  'session:revoke': { sessionId: '00000000-0000-4000-8000-0000000000e1' },
  'session:list': [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      memberId: '00000000-0000-4000-8000-0000000000a1',
      deviceName: 'Office PC',
      platform: 'win',
      ip: '203.0.113.7',
      createdAt: 1_700_000_000_000,
      lastSeenAt: 1_700_000_100_000,
      current: true,
    },
    {
      id: '00000000-0000-4000-8000-0000000000e2',
      memberId: '00000000-0000-4000-8000-0000000000a1',
      deviceName: 'Old laptop',
      platform: null,
      ip: null,
      createdAt: 1_600_000_000_000,
      lastSeenAt: 1_600_000_000_000,
      current: false,
    },
  ],
  'password:change': { signedOut: 2 },
  'password:reset-start': { code: 'ABCDE-FGHJK-MNPQR', expiresAt: 1_700_086_400_000 },
  'audit:list': [wireAudit, { ...wireAudit, id: 6, memberId: null, chatId: null, before: null, after: null }],
  'mfa:status': { enabled: true, pending: false, recoveryCodesLeft: 9, adminsRequireMfa: false, required: false },
  'mfa:enrol': {
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    uri: 'otpauth://totp/Blazz%20Desk:a%40b.co?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  'mfa:disable': { enabled: false, pending: false, recoveryCodesLeft: 0, adminsRequireMfa: false, required: false },
  'mfa:confirm': {
    enabled: true,
    pending: false,
    recoveryCodesLeft: 10,
    adminsRequireMfa: true,
    required: false,
    recoveryCodes: ['ABCDE-FGHJK'],
  },
  'mfa:recovery-regenerate': {
    enabled: true,
    pending: false,
    recoveryCodesLeft: 10,
    adminsRequireMfa: false,
    required: false,
    recoveryCodes: ['ABCDE-FGHJK', 'MNPQR-STUVW'],
  },
  'mfa:reset': { memberId: '9b2f6f1e-1c1a-4a51-9a43-1d7c2f4b8e10', signedOut: 2 },
  'tag:list': [{ name: 'vip', color: 'red' }],
  'contact:update': {
    accountId: 'acc-1',
    jid: '628123@c.us',
    lid: null,
    phone: '628123',
    name: 'Budi',
    pushName: null,
    customName: 'Pak Budi',
    labels: ['VIP'],
    note: 'Prefers Bahasa',
  },
  'tag:upsert': { name: 'vip', color: 'red' },
  'tag:rename': { tag: { name: 'vip', color: 'red' }, chats: 3 },
  'tag:delete': { tag: null, chats: 0 },
  'aiPolicy:get': FACTS['aiPolicy:updated'].policy,
  'aiPolicy:update': FACTS['aiPolicy:updated'].policy,
  'reports:get': {
    from: '2026-11-01',
    to: '2026-11-01',
    timeZone: 'Asia/Jakarta',
    bucket: 'day',
    generatedAt: 1_796_000_000_000,
    totals: { opened: 2, resolved: 1, reopened: 0, messagesIn: 5, messagesOut: 3 },
    firstResponse: { count: 1, medianMs: 120_000, p90Ms: 120_000, histogram: [0, 1, 0, 0, 0, 0, 0, 0] },
    resolution: { count: 1, medianMs: 3_600_000, p90Ms: 3_600_000, histogram: [0, 0, 0, 0, 0, 1, 0, 0] },
    trend: [
      {
        start: '2026-11-01',
        opened: 2,
        resolved: 1,
        reopened: 0,
        messagesIn: 5,
        messagesOut: 3,
        firstResponseMedianMs: 120_000,
        resolutionMedianMs: 3_600_000,
      },
    ],
    members: [],
    accounts: [],
    tags: [],
    heatmap: Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0)),
    sla: {
      met: 1,
      missed: 0,
      waiting: 1,
      metPct: 100,
      trend: [{ start: '2026-11-01', met: 1, missed: 0, waiting: 1, metPct: 100 }],
      members: [],
      accounts: [],
    },
  },
  'reports:conversations': { conversations: [], nextCursor: null },
  'automation:get': {
    accountId: REMOTE,
    hours: null,
    away: { enabled: false, text: '' },
    greeting: { enabled: false, text: '', idleHours: 24 },
    updatedAt: null,
    updatedBy: null,
  },
  'automation:update': {
    accountId: REMOTE,
    hours: {
      timeZone: 'Asia/Jakarta',
      week: { sun: [], mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [] },
      holidays: ['2026-12-25'],
    },
    away: { enabled: true, text: 'Closed until {{next_opening}}' },
    greeting: { enabled: true, text: 'Hi {{customer.name}}', idleHours: 24 },
    updatedAt: T0,
    updatedBy: '9b2f6f1e-1c1a-4a51-9a43-1d7c2f4b8e10',
  },
  'assignment:get': {
    accountId: REMOTE,
    mode: 'off',
    reassignAfterMinutes: null,
    slaMinutes: null,
    capacities: [],
    updatedAt: null,
    updatedBy: null,
  },
  'assignment:update': {
    accountId: REMOTE,
    mode: 'round_robin',
    reassignAfterMinutes: 15,
    slaMinutes: 30,
    capacities: [{ memberId: '9b2f6f1e-1c1a-4a51-9a43-1d7c2f4b8e10', capacity: 20 }],
    updatedAt: T0,
    updatedBy: '9b2f6f1e-1c1a-4a51-9a43-1d7c2f4b8e10',
  },
  'automation:hours': [
    {
      accountId: REMOTE,
      hours: {
        timeZone: 'Asia/Jakarta',
        week: { sun: [], mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [] },
        holidays: ['2026-12-25'],
      },
    },
  ],
  'rules:list': [RULE_SAMPLE],
  'rules:save': RULE_SAMPLE,
  'rules:delete': { id: RULE_SAMPLE.id },
  'rules:reorder': [RULE_SAMPLE],
  'rules:test': {
    trace: [
      {
        ruleId: RULE_SAMPLE.id,
        name: 'Pricing',
        outcome: 'matched',
        conditions: [{ kind: 'textContains', holds: true }],
      },
    ],
    matched: [
      {
        ruleId: RULE_SAMPLE.id,
        actions: [{ action: { kind: 'reply', templateId: 't1' }, preview: 'Our prices', problem: null }],
      },
    ],
  },
  'rules:runs': [
    {
      ruleId: RULE_SAMPLE.id,
      triggerKey: 'message:abc',
      accountId: REMOTE,
      chatId: `${REMOTE}:62811@c.us`,
      status: 'failed',
      errorCode: 'template_missing',
      createdAt: T0,
    },
  ],
  'automationAi:get': { baseUrl: null, model: null, key: 'not_set', updatedAt: null, updatedBy: null },
  'automationAi:set': {
    baseUrl: 'https://llm.example.test/v1',
    model: 'gpt-4o-mini',
    key: 'set',
    updatedAt: T0,
    updatedBy: 'm1',
  },
  'apiKey:list': [API_KEY_SAMPLE],
  'apiKey:create': { key: API_KEY_SAMPLE, secret: `bdk_0a1b2c3d_${'A'.repeat(43)}` },
  'apiKey:revoke': { ...API_KEY_SAMPLE, revokedAt: 1_700_000_100_000 },
  'webhook:list': [WEBHOOK],
  'webhook:create': { webhook: WEBHOOK, secret: 'whsec_abc' },
  'webhook:update': WEBHOOK,
  'webhook:delete': { id: WEBHOOK.id },
  'webhook:deliveries': [WEBHOOK_DELIVERY],
  'webhook:redeliver': WEBHOOK_DELIVERY,
  'cloud:list': [CLOUD_NUMBER],
  'cloud:add': CLOUD_NUMBER,
  'cloud:remove': { accountId: CLOUD_NUMBER.accountId },
  'cloud:templates': [
    {
      id: '1',
      name: 'order_update',
      language: 'id',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [{ type: 'BODY', format: null, text: 'Halo {{1}}', buttons: [] }],
    },
  ],
  'cloud:send-template': wireSend({ state: 'queued', providerMessageId: null }),
  'message:react': REACTION,
  'reaction:report': { ...REACTION, state: 'sent' },
  'reaction:pending': [REACTION],
  'message:change': CHANGE,
  'message-change:report': { ...CHANGE, state: 'failed', error: 'too_late' },
  'message-change:pending': [CHANGE, { ...CHANGE, kind: 'delete', text: null }],
  'chat:read': { chatId: REACTION.chatId, providerMessageId: REACTION.providerMessageId, receipt: 'queued' },
  'account:set-read-receipts': { accountId: REACTION.accountId, enabled: false },
};
