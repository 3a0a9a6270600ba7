/**
 * The desktop's rule runner with the AI's sentiment: a rule with a sentiment condition runs
 * once the AI answers; when the AI fails or is too slow the condition is false and the run
 * records why; the away message never waits for the AI.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AiOutcome } from '../../../common/api/ai';
import type { RuleBody, Sentiment } from '../../../common/automation/rules/schema';
import type { AccountId, ChatId, MessageId } from '../../../common/domain';
import { createLocalAutomation } from '../../../main/core/local-automation/run';
import { SENTIMENT_TIMEOUT_MS } from '../../../main/core/local-automation/apply-rules';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg } from '../store/fixtures';

type Verdict = AiOutcome<{ readonly sentiment: Sentiment }>;

let store: Store;
let acc: AccountId;
let sent: string[];
const NOW = Date.now();
const day = (offset: number) => new Date(NOW + offset * 86_400_000).toISOString().slice(0, 10);
const nine = [{ start: '09:00', end: '17:00' }];

const angry: RuleBody = {
  name: 'Angry',
  enabled: true,
  stopAfter: false,
  trigger: { type: 'message.received' },
  conditions: [{ kind: 'sentiment', is: 'negative' }],
  actions: [{ kind: 'addTag', tag: 'angry' }],
};

function runner(sentiment: (text: string) => Promise<Verdict>) {
  return createLocalAutomation({
    store,
    events: { emit: () => {} },
    send: (_chat, text) => sent.push(text),
    numberName: () => 'Toko',
    active: () => true,
    isHosted: () => true,
    log: silentLogger,
    now: () => NOW,
    sentiment,
  });
}

function customerWrites(jid: string, body: string): { ids: MessageId[]; chatId: ChatId } {
  const report = store.ingest({ messages: [msg(acc, jid, { body, timestamp: NOW - 1_000 })] });
  return { ids: report.newMessageIds, chatId: chatOfJid(acc, jid) };
}

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
  sent = [];
  store.saveLocalRule(undefined, angry, NOW);
});
afterEach(() => {
  vi.useRealTimers();
  store.close();
});

describe('sentiment in local rules', () => {
  it('runs the rule when the AI says the mood matches, once', async () => {
    const asked: string[] = [];
    const auto = runner(text => {
      asked.push(text);
      return Promise.resolve({ ok: true, sentiment: 'negative' });
    });
    const { ids, chatId } = customerWrites('6281@c.us', 'This is the third time my order is late!');
    auto.onIngested(ids);
    await auto.idle();
    // Seen again (the start-up catch-up): the rule already ran, so the AI is not asked again.
    auto.onIngested(ids);
    await auto.idle();
    expect(store.getChat(chatId)?.tags).toEqual(['angry']);
    expect(store.listLocalRuleRuns(10, false).map(r => r.status)).toEqual(['ok']);
    expect(asked).toEqual(['This is the third time my order is late!']);
  });

  it('does not match another mood, and asks nothing when no enabled rule needs a sentiment', async () => {
    const ask = vi.fn((): Promise<Verdict> => Promise.resolve({ ok: true, sentiment: 'positive' }));
    const auto = runner(ask);
    const first = customerWrites('6282@c.us', 'Thank you so much!');
    auto.onIngested(first.ids);
    await auto.idle();
    expect(store.getChat(first.chatId)?.tags).toEqual([]);
    expect(store.listLocalRuleRuns(10, false)).toEqual([]);
    const [rule] = store.listLocalRules();
    store.saveLocalRule(rule!.id, { ...angry, enabled: false });
    auto.onIngested(customerWrites('6283@c.us', 'Again?').ids);
    await auto.idle();
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('records why when the AI fails, and the condition is false', async () => {
    const auto = runner(() =>
      Promise.resolve({ ok: false, reason: 'budget', message: 'Today’s AI budget is used up.' }),
    );
    const { ids, chatId } = customerWrites('6284@c.us', 'Where is my refund?');
    auto.onIngested(ids);
    await auto.idle();
    expect(store.getChat(chatId)?.tags).toEqual([]);
    expect(store.listLocalRuleRuns(10, true).map(r => r.errorCode)).toEqual(['sentiment_budget']);
  });

  it('gives up on a slow AI after the timeout without holding up the away message', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store.saveLocalAutomation({
      accountId: acc,
      hours: {
        timeZone: 'UTC',
        // Open every day, but today and tomorrow are holidays: closed now.
        week: { sun: nine, mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: nine },
        holidays: [day(0), day(1)],
      },
      away: { enabled: true, text: 'Closed' },
      greeting: { enabled: false, text: '', idleHours: 24 },
    });
    const auto = runner(() => new Promise<Verdict>(() => {}));
    const { ids, chatId } = customerWrites('6285@c.us', 'Hello?');
    auto.onIngested(ids);
    expect(sent).toEqual(['Closed']);
    await vi.advanceTimersByTimeAsync(SENTIMENT_TIMEOUT_MS);
    await auto.idle();
    expect(store.getChat(chatId)?.tags).toEqual([]);
    expect(store.listLocalRuleRuns(10, true).map(r => r.errorCode)).toEqual(['sentiment_timeout']);
  });
});
