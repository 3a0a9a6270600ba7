/**
 * One valid fact of every type, as the workspace server sends them, for the wire-schema
 * and desktop tests, and one valid reply value for every command. The maps are keyed by
 * type and by command, so a new fact type or command without a sample here fails to compile.
 */
import type { WireCloudNumber } from '../../../common/protocol-cloud';
import type { WireReactionRequest } from '../../../common/protocol-reactions';
import type { WireMessageChange } from '../../../common/protocol-message-changes';
import type { WireRule } from '../../../common/protocol-automation-rules';
import type { WireApiKey } from '../../../common/protocol-api-keys';
import type {
  CommandName,
  CommandResult,
  SyncEvent,
  SyncEventType,
  WireAudit,
  WireChat,
  WireMessage,
  WirePresence,
  WireSend,
  WireTyping,
} from '../../../common/protocol';
import type { WireWebhook, WireWebhookDelivery } from '../../../common/protocol-webhooks';

export const T0 = Date.UTC(2025, 0, 1, 9, 0, 0);
export const REMOTE = 'acc-remote';
export const MEMBER = '00000000-0000-4000-8000-0000000000a1';
export const jidOf = (n: number) => `62812000${n}@c.us`;
export const chatIdOf = (n: number) => `${REMOTE}:${jidOf(n)}`;

export const wireChat = (n: number, over: Partial<WireChat> = {}): WireChat => ({
  id: chatIdOf(n),
  accountId: REMOTE,
  jid: jidOf(n),
  isGroup: false,
  name: `Customer ${n}`,
  lastMessageAt: T0,
  unreadCount: 1,
  status: 'open',
  assigneeId: MEMBER,
  tags: ['vip'],
  version: 3,
  ...over,
});

export const wireMessage = (n: number, providerMessageId: string, over: Partial<WireMessage> = {}): WireMessage => ({
  rowId: 41,
  accountId: REMOTE,
  chatId: chatIdOf(n),
  providerMessageId,
  fromMe: false,
  author: null,
  authorName: null,
  type: 'image',
  body: null,
  caption: 'the receipt',
  media: { mimeType: 'image/jpeg', fileName: null, size: 1200, sha256: null },
  location: null,
  quotedProviderMessageId: null,
  timestamp: T0 + 1_000,
  ack: 'delivered',
  edited: false,
  revoked: false,
  clientMessageId: null,
  ...over,
});

export const wireSend = (over: Partial<WireSend> = {}): WireSend => ({
  clientMessageId: '00000000-0000-4000-8000-0000000000c1',
  accountId: REMOTE,
  chatId: chatIdOf(1),
  chatJid: jidOf(1),
  senderId: MEMBER,
  body: 'On its way',
  quotedProviderMessageId: null,
  state: 'sent',
  providerMessageId: 'pm-sent-1',
  error: null,
  createdAt: T0,
  ...over,
});

export const wireTyping: WireTyping = {
  chatId: chatIdOf(1),
  memberId: MEMBER,
  memberName: 'Ana',
  active: true,
  expiresAt: T0 + 6_000,
};
export const wirePresence: WirePresence = { memberId: MEMBER, deviceId: 'dev-1', status: 'away' };

type FactOf<K extends SyncEventType> = Extract<SyncEvent, { type: K }>;

export const FACTS: { readonly [K in SyncEventType]: FactOf<K> } = {
  'chat:upserted': { type: 'chat:upserted', seq: 1, chat: wireChat(1) },
  'chat:updated': { type: 'chat:updated', seq: 2, chat: wireChat(1, { status: 'pending', version: 4 }) },
  'chat:granted': { type: 'chat:granted', seq: 3, chat: wireChat(2, { lastMessageAt: null, assigneeId: null }) },
  'chat:revoked': { type: 'chat:revoked', seq: 4, chatId: chatIdOf(2), reason: 'role_changed' },
  'messages:upserted': {
    type: 'messages:upserted',
    seq: 5,
    chatId: chatIdOf(1),
    messages: [
      wireMessage(1, 'pm-1', { caption: 'for @628120001', mentions: ['628120001@c.us'] }),
      wireMessage(1, 'pm-2', { type: 'location', location: { lat: 1, lng: 2, name: null }, media: null }),
    ],
  },
  'contacts:upserted': {
    type: 'contacts:upserted',
    seq: 6,
    accountId: REMOTE,
    contacts: [{ accountId: REMOTE, jid: jidOf(1), lid: null, phone: '628120001', name: 'Budi', pushName: null }],
  },
  'note:added': {
    type: 'note:added',
    seq: 7,
    note: {
      id: 'note-1',
      chatId: chatIdOf(1),
      authorId: MEMBER,
      body: 'Refund approved',
      createdAt: T0,
      kind: 'handover',
      draft: 'Hi, about your refund',
      summary: null,
      clientNoteId: '00000000-0000-4000-8000-0000000000d1',
    },
  },
  'send:updated': { type: 'send:updated', seq: 8, send: wireSend() },
  'account:updated': {
    type: 'account:updated',
    seq: 9,
    account: {
      id: REMOTE,
      name: 'Sales',
      phone: null,
      provider: 'simulator',
      hostDeviceId: 'dev-host',
      hostMemberId: null,
      hostOnline: true,
      state: 'ready',
      memberIds: [MEMBER],
    },
  },
  'account:revoked': { type: 'account:revoked', seq: 10, accountId: 'acc-gone' },
  'member:updated': {
    type: 'member:updated',
    seq: 11,
    member: { id: MEMBER, email: 'ana@example.com', name: 'Ana', role: 'lead', active: true },
  },
  'access:revoked': { type: 'access:revoked', seq: 12, reason: 'session_revoked' },
  'settings:updated': {
    type: 'settings:updated',
    seq: 13,
    settings: { agentsSeeUnassigned: false, agentsMayHandOver: true, adminsRequireMfa: false },
  },
  'aiPolicy:updated': {
    type: 'aiPolicy:updated',
    seq: 14,
    policy: {
      allowed: false,
      baseUrl: 'https://ai.example.com/v1',
      model: null,
      forceRedact: true,
      updatedAt: 1_700_000_000_000,
      updatedBy: '11111111-1111-4111-8111-111111111111',
    },
  },
  'template:updated': {
    type: 'template:updated',
    seq: 14,
    template: { id: 'tpl-1', shortcut: 'thanks', title: 'Thanks', body: 'Thank you, {{contact.name}}!' },
  },
  'template:deleted': { type: 'template:deleted', seq: 15, id: 'tpl-2' },
  'tag:updated': { type: 'tag:updated', seq: 16, tag: { name: 'vip', color: 'red' } },
  'tag:deleted': { type: 'tag:deleted', seq: 17, name: 'old' },
  'notice:added': {
    type: 'notice:added',
    seq: 18,
    notice: {
      id: 'notice-1',
      kind: 'sla_breach',
      accountId: 'acct-1',
      chatId: 'acct-1:62811@c.us',
      chatName: 'Sari',
      text: null,
      createdAt: 1_700_000_000_000,
    },
  },
};

export const ALL_FACTS: readonly SyncEvent[] = Object.values(FACTS);

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

/** A deep copy with one value replaced (the path may go through arrays); for malformed variants. */
export function withValue(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete at[last];
  else at[last] = replacement;
  return copy;
}
