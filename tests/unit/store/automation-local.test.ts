import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleBody } from '../../../common/automation/rules/schema';
import { randomUUID } from 'node:crypto';
import type { AccountId, ChatId, ClientMessageId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let acc: AccountId;
let chatId: ChatId;

const rule = (name: string, over: Partial<RuleBody> = {}): RuleBody => ({
  name,
  enabled: true,
  stopAfter: false,
  trigger: { type: 'message.received' },
  conditions: [],
  actions: [{ kind: 'addTag', tag: 'vip' }],
  ...over,
});

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
  store.ingest({ messages: [msg(acc, '6281@c.us', { body: 'halo kak', timestamp: T0 })] });
  chatId = chatOfJid(acc, '6281@c.us');
});
afterEach(() => store.close());

describe('local automation settings', () => {
  it('answers the defaults until saved, then what was saved, and lists only numbers with hours', () => {
    expect(store.getLocalAutomation(acc)).toMatchObject({ hours: null, away: { enabled: false }, updatedAt: null });
    expect(store.listLocalHours()).toEqual([]);
    const day = [{ start: '09:00', end: '17:00' }];
    const week = { sun: [], mon: day, tue: day, wed: day, thu: day, fri: day, sat: [] };
    const hours = { timeZone: 'Asia/Jakarta', week, holidays: [] };
    const saved = store.saveLocalAutomation(
      {
        accountId: acc,
        hours,
        away: { enabled: true, text: 'Tutup' },
        greeting: { enabled: false, text: '', idleHours: 24 },
      },
      T0,
    );
    expect(saved).toMatchObject({ accountId: acc, away: { enabled: true, text: 'Tutup' }, updatedAt: T0 });
    expect(saved.hours?.timeZone).toBe('Asia/Jakarta');
    expect(store.listLocalHours().map(h => h.accountId)).toEqual([acc]);
  });

  it('treats a stored row that no longer passes the schema as never saved', () => {
    store.db.sqlite
      .prepare('INSERT INTO automation_settings (account_id, config, updated_at) VALUES (?, ?, ?)')
      .run(acc, JSON.stringify({ hours: 'nope' }), T0);
    expect(store.getLocalAutomation(acc).updatedAt).toBeNull();
    expect(store.listLocalHours()).toEqual([]);
  });
});

describe('local rules', () => {
  it('adds rules last, updates, reorders the named ones and deletes', () => {
    const a = store.saveLocalRule(undefined, rule('A'), T0)!;
    const b = store.saveLocalRule(undefined, rule('B'), T0)!;
    const c = store.saveLocalRule(undefined, rule('C'), T0)!;
    expect(store.listLocalRules().map(r => r.name)).toEqual(['A', 'B', 'C']);
    expect(store.saveLocalRule(b.id, rule('B2', { enabled: false }), T0 + 1)).toMatchObject({
      name: 'B2',
      enabled: false,
      updatedAt: T0 + 1,
    });
    expect(store.saveLocalRule('missing', rule('X'))).toBeNull();
    expect(store.reorderLocalRules([c.id, a.id]).map(r => r.name)).toEqual(['C', 'B2', 'A']);
    expect(store.deleteLocalRule(b.id)).toBe(true);
    expect(store.deleteLocalRule(b.id)).toBe(false);
    expect(store.countLocalRules()).toBe(2);
  });
});

describe('what already ran', () => {
  it('claims an automated send once per (chat, kind, window) and counts them for the cool-down', () => {
    const claim = { chatId, kind: 'away', windowKey: 5, clientMessageId: 'auto-1', now: T0 };
    expect(store.claimAutomationSend(claim)).toBe(true);
    expect(store.claimAutomationSend({ ...claim, clientMessageId: 'auto-2', now: T0 + 1 })).toBe(false);
    expect(store.claimAutomationSend({ ...claim, kind: 'greeting', clientMessageId: 'auto-3', now: T0 + 2 })).toBe(
      true,
    );
    expect(store.lastAutomatedAt(chatId)).toBe(T0 + 2);
    expect(store.countAutomatedSince(chatId, T0 + 1)).toBe(1);
    expect(store.isAutomatedSend('auto-1')).toBe(true);
    expect(store.isAutomatedSend('auto-2')).toBe(false);
  });

  it('claims a rule run once per trigger and lists failures newest first', () => {
    const run = { ruleId: 'r1', triggerKey: 'msg:1', accountId: acc, chatId, now: T0 };
    expect(store.claimRuleRun(run)).toBe(true);
    expect(store.claimRuleRun(run)).toBe(false);
    expect(store.claimRuleRun({ ...run, triggerKey: 'msg:2', now: T0 + 1 })).toBe(true);
    store.failRuleRun('r1', 'msg:2', 'template_missing');
    expect(store.listLocalRuleRuns(10, false).map(r => [r.triggerKey, r.status])).toEqual([
      ['msg:2', 'failed'],
      ['msg:1', 'ok'],
    ]);
    expect(store.listLocalRuleRuns(10, true)).toEqual([
      expect.objectContaining({ triggerKey: 'msg:2', errorCode: 'template_missing' }),
    ]);
  });

  it('adds a tag once (case-insensitively) and sets the status without touching the version', () => {
    const version = store.getChat(chatId)!.version;
    expect(store.setChatTagsAndStatus(chatId, { addTag: 'VIP' })).toBe(true);
    expect(store.setChatTagsAndStatus(chatId, { addTag: 'vip' })).toBe(false);
    expect(store.setChatTagsAndStatus(chatId, { status: 'pending' })).toBe(true);
    expect(store.getChat(chatId)).toMatchObject({ tags: ['VIP'], status: 'pending', version });
    expect(store.setChatTagsAndStatus('nope' as ChatId, { addTag: 'x' })).toBe(false);
  });

  it('lists the customers’ recent messages, newest first, for the start-up catch-up', () => {
    store.ingest({
      messages: [
        msg(acc, '6282@c.us', { body: 'a', timestamp: T0 + 10 }),
        msg(acc, '6282@c.us', { body: 'mine', timestamp: T0 + 20, fromMe: true }),
        msg(acc, '6283@c.us', { body: 'b', timestamp: T0 + 30 }),
      ],
    });
    const bodies = (since: number, limit: number) =>
      store.getMessages(store.recentInboundMessageIds(since, limit)).map(m => m.body);
    expect(bodies(T0 + 1, 10).sort()).toEqual(['a', 'b']);
    expect(bodies(T0, 10).sort()).toEqual(['a', 'b', 'halo kak']);
    expect(bodies(T0 + 1, 1)).toEqual(['b']);
  });

  it('finds the message before a time in the chat', () => {
    expect(store.previousMessageAt(chatId, T0)).toBeNull();
    expect(store.previousMessageAt(chatId, T0 + 1)).toBe(T0);
  });
});

describe('the automated mark on messages (0016)', () => {
  const send = (cmid: ClientMessageId, body: string) =>
    store.enqueueOutgoing({
      clientMessageId: cmid,
      accountId: acc,
      chatJid: '6281@c.us',
      payload: { type: 'text', body },
    });
  const automated = (cmid: ClientMessageId) => store.getMessagesByClientIds([cmid])[0]?.automated === true;

  it('marks a claimed send, through the echo and the confirmation, and never a person’s message', () => {
    const auto = randomUUID() as ClientMessageId;
    store.claimAutomationSend({ chatId, kind: 'away', windowKey: 1, clientMessageId: auto, now: T0 });
    send(auto, 'Kami tutup');
    expect(automated(auto)).toBe(true);
    // WhatsApp's echo arrives as its own row, then the send is confirmed: the echo keeps the mark.
    store.ingest({
      messages: [msg(acc, '6281@c.us', { providerMessageId: 'WA-1', fromMe: true, body: 'Kami tutup' })],
    });
    store.confirmOutboxSent(auto, 'WA-1');
    const [echo] = store.getMessagesByClientIds([auto]);
    expect(echo).toMatchObject({ providerMessageId: 'WA-1', automated: true });

    // The echo carrying the client id itself (another provider's way) is marked on insert.
    const auto2 = randomUUID() as ClientMessageId;
    store.claimAutomationSend({ chatId, kind: 'greeting', windowKey: 1, clientMessageId: auto2, now: T0 });
    store.ingest({
      messages: [msg(acc, '6281@c.us', { providerMessageId: 'WA-2', fromMe: true, clientMessageId: auto2 })],
    });
    expect(automated(auto2)).toBe(true);

    const mine = randomUUID() as ClientMessageId;
    send(mine, 'Halo, saya Budi');
    expect(automated(mine)).toBe(false);
    expect(store.getMessagesByClientIds([mine])[0]).not.toHaveProperty('automated');
  });
});
