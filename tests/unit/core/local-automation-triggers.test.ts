/**
 * The desktop's triggers about a chat (#17, not signed in): 'chat.unanswered' once per wait
 * of a customer, across a restart and without counting automated messages as a reply; and
 * 'status.changed' once per change the user makes, also when the core stopped between the
 * status write and the rules.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleBody } from '../../../common/automation/rules/schema';
import type { AccountId, ChatId, ClientMessageId } from '../../../common/domain';
import { createLocalAutomation } from '../../../main/core/local-automation/run';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg } from '../store/fixtures';

const MIN = 60_000;
/** Three hours ago (the store refuses message times in the future). */
const T0 = Math.floor(Date.now() / MIN) * MIN - 3 * 60 * MIN;
const JID = '6281@c.us';

let store: Store;
let acc: AccountId;
let chatId: ChatId;
let clock: number;
let sent: string[];
let active: boolean;

const rule = (name: string, over: Partial<RuleBody>): RuleBody => ({
  name,
  enabled: true,
  stopAfter: false,
  trigger: { type: 'message.received' },
  conditions: [],
  actions: [],
  ...over,
});

/** A core's automation on the shared store: a second one is the same desktop after a restart. */
function core() {
  return createLocalAutomation({
    store,
    events: { emit: () => {} },
    // Like the outbox: the message row is written at once, with the client id claimed before.
    send: (id, text, clientMessageId) => {
      sent.push(text);
      const chat = store.getChat(id)!;
      store.enqueueOutgoing({
        clientMessageId: clientMessageId as ClientMessageId,
        accountId: chat.accountId,
        chatJid: chat.jid,
        payload: { type: 'text', body: text },
        now: clock,
      });
    },
    numberName: () => 'Toko',
    active: () => active,
    isHosted: id => id === acc,
    log: silentLogger,
    now: () => clock,
  });
}

const customerWrites = (at: number, body = 'halo?') =>
  store.ingest({ messages: [msg(acc, JID, { body, timestamp: at })] });
const personReplies = (at: number) =>
  store.ingest({
    messages: [msg(acc, JID, { body: 'Siap kak', fromMe: true, timestamp: at, clientMessageId: randomUUID() })],
  });

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
  clock = T0;
  sent = [];
  active = true;
  store.saveTemplate({ id: 'tpl', shortcut: 'wait', title: 'Wait', body: 'Sebentar ya {{customer.name}}' });
  customerWrites(T0);
  chatId = chatOfJid(acc, JID);
});
afterEach(() => store.close());

describe("'chat.unanswered' on a desktop that is not signed in", () => {
  beforeEach(() => {
    store.saveLocalRule(
      undefined,
      rule('Waits 5', {
        trigger: { type: 'chat.unanswered', minutes: 5 },
        actions: [
          { kind: 'reply', templateId: 'tpl' },
          { kind: 'addTag', tag: 'waiting' },
        ],
      }),
    );
  });

  it('runs once when the customer has waited the minutes, and not again after a restart', () => {
    const first = core();
    clock = T0 + 4 * MIN;
    first.tick();
    expect(sent).toEqual([]);
    clock = T0 + 5 * MIN;
    customerWrites(T0 + 2 * MIN, 'halo??'); // still the same wait
    first.tick();
    first.tick();
    expect(sent).toHaveLength(1);
    expect(store.getChat(chatId)?.tags).toEqual(['waiting']);
    // The automated reply is no reply: the customer writing after it is the same wait, so
    // its rule does not run again.
    customerWrites(T0 + 6 * MIN, 'halo???');
    clock = T0 + 30 * MIN;
    first.tick();
    const restarted = core();
    restarted.catchUp();
    restarted.tick();
    restarted.stop();
    expect(sent).toHaveLength(1);
    const runs = store.listLocalRuleRuns(10, false);
    expect(runs.map(r => [r.triggerKey, r.status])).toEqual([[`unanswered:${chatId}:${T0}`, 'ok']]);
  });

  it('starts a new wait after a person replies, and never for a chat that is resolved or not signed out', () => {
    const auto = core();
    clock = T0 + 5 * MIN;
    auto.tick();
    personReplies(T0 + 6 * MIN);
    customerWrites(T0 + 7 * MIN);
    clock = T0 + 11 * MIN;
    auto.tick();
    expect(sent).toHaveLength(1);
    active = false;
    clock = T0 + 12 * MIN;
    auto.tick();
    expect(sent).toHaveLength(1);
    active = true;
    auto.tick();
    expect(sent).toHaveLength(2);
    personReplies(T0 + 13 * MIN);
    customerWrites(T0 + 14 * MIN);
    store.setChatTagsAndStatus(chatId, { status: 'resolved' });
    clock = T0 + 30 * MIN;
    auto.tick();
    expect(sent).toHaveLength(2);
  });

  it('catches up on start with a wait that passed while the core was stopped', () => {
    clock = T0 + 3 * 60 * MIN;
    const auto = core();
    auto.catchUp();
    auto.stop();
    expect(sent).toEqual(['Sebentar ya 6281']);
  });
});

describe("'status.changed' on a desktop that is not signed in", () => {
  beforeEach(() => {
    store.saveLocalRule(
      undefined,
      rule('Resolved', {
        trigger: { type: 'status.changed', from: 'open', to: 'resolved' },
        actions: [
          { kind: 'addTag', tag: 'done' },
          { kind: 'setStatus', status: 'pending' },
        ],
      }),
    );
    store.saveLocalRule(
      undefined,
      rule('Any to pending', {
        trigger: { type: 'status.changed', to: 'pending' },
        actions: [{ kind: 'addTag', tag: 'pending-rule' }],
      }),
    );
  });

  it('runs the matching rules once per change; a rule’s own status change is no trigger', () => {
    const auto = core();
    const chat = auto.setStatus(chatId, 'resolved');
    // The rule set the status to pending itself: 'Any to pending' does not run for that.
    expect(chat).toMatchObject({ status: 'pending', tags: ['done'] });
    expect(auto.setStatus(chatId, 'pending')).toMatchObject({ status: 'pending', tags: ['done'] });
    expect(store.listLocalRuleRuns(10, false)).toHaveLength(1);
    expect(store.listStatusTriggers()).toEqual([]);
    auto.setStatus(chatId, 'open');
    auto.setStatus(chatId, 'pending');
    expect(store.getChat(chatId)?.tags).toEqual(['done', 'pending-rule']);
  });

  it('runs a change recorded before the core stopped on the next start, once', () => {
    // The status and its trigger are written together; the core stops before the rules.
    expect(store.setLocalChatStatus(chatId, 'resolved', T0)).toMatchObject({ from: 'open', to: 'resolved' });
    expect(store.getChat(chatId)?.status).toBe('resolved');
    const auto = core();
    auto.catchUp();
    auto.catchUp();
    auto.stop();
    expect(store.getChat(chatId)).toMatchObject({ status: 'pending', tags: ['done'] });
    expect(store.listLocalRuleRuns(10, false)).toHaveLength(1);
    expect(store.listStatusTriggers()).toEqual([]);
  });

  it('records no trigger for a status the chat already has', () => {
    expect(store.setLocalChatStatus(chatId, 'open', T0)).toBeNull();
    expect(store.listStatusTriggers()).toEqual([]);
  });
});
