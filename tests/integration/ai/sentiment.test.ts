import { afterEach, describe, expect, it } from 'vitest';
import type { AiTimers } from '../../../main/ai/ports';
import type { Harness } from './harness';
import { CHAT, OTHER_CHAT, createHarness, msg } from './harness';

let h: Harness;
afterEach(() => h.close());

const verdicts =
  '{"chats":[{"id":"c1","sentiment":"negative","urgency":3},{"id":"c2","sentiment":"positive","urgency":0}]}';

describe('sentiment worker', () => {
  it('scores unscored incoming messages in one request per batch and stores per-chat insights', async () => {
    h = await createHarness({ sentiment: { batchSize: 3 } });
    h.store.addMessages([
      msg(CHAT, false, 'This is the third time I ask, where is my order?!'),
      msg(CHAT, true, 'Checking now'),
      msg(OTHER_CHAT, false, 'Thanks, it arrived, love it'),
      msg(CHAT, false, 'Answer me'),
    ]);
    await h.enable();
    h.fake.script({ kind: 'text', content: verdicts });

    const r = await h.ai.sentiment.runBatch();

    expect(r).toEqual({ ok: true, scored: 3, chatIds: [CHAT, OTHER_CHAT] });
    expect(h.fake.requests).toHaveLength(1);
    const sent = h.fake.requests[0]?.text ?? '';
    expect(sent).toContain('c1:\n- This is the third time I ask, where is my order?!\n- Answer me');
    expect(sent).toContain('c2:\n- Thanks, it arrived, love it');
    expect(sent).not.toContain('Checking now'); // the agent's own messages are not rated
    expect(sent).not.toContain('6281234567890'); // chat ids carry phone numbers; keys replace them

    const insights = await h.call('ai:insights:list', {});
    expect(insights).toEqual([
      { chatId: CHAT, sentiment: 'negative', urgency: 3, updatedAt: h.now },
      { chatId: OTHER_CHAT, sentiment: 'positive', urgency: 0, updatedAt: h.now },
    ]);
    expect(h.events).toContainEqual({ name: 'ai:insights:updated', payload: { chatIds: [CHAT, OTHER_CHAT] } });
    expect(await h.ai.sentiment.runBatch()).toMatchObject({ ok: false, reason: 'nothing_to_do' });
    expect(h.fake.requests).toHaveLength(1);
  });

  it('works through a backlog in small batches until it is empty', async () => {
    h = await createHarness({ sentiment: { batchSize: 2, maxBatchesPerRun: 10 } });
    h.store.addMessages([1, 2, 3, 4, 5].map(i => msg(CHAT, false, `message ${i}`)));
    await h.enable();
    h.fake.fallback(() => ({ kind: 'text', content: '[{"id":"c1","sentiment":"neutral","urgency":1}]' }));
    expect(await h.ai.sentiment.run()).toEqual({ ok: true, scored: 5, chatIds: [CHAT] });
    expect(h.fake.requests).toHaveLength(3);
  });

  it('leaves messages unscored when the answer is unreadable', async () => {
    h = await createHarness();
    h.store.addMessages([msg(CHAT, false, 'hello')]);
    await h.enable();
    h.fake.script({ kind: 'text', content: 'They seem fine.' });
    expect(await h.ai.sentiment.runBatch()).toMatchObject({ ok: false, reason: 'bad_response' });
    expect(h.store.scored.size).toBe(0);
    expect(h.store.insights()).toEqual([]);
  });

  it('stops when the daily budget is used up', async () => {
    h = await createHarness({ sentiment: { batchSize: 1, maxBatchesPerRun: 10 } });
    h.store.addMessages([1, 2, 3, 4].map(i => msg(CHAT, false, `message ${i}`)));
    await h.enable({ dailyBudget: 2 });
    h.fake.fallback(() => ({ kind: 'text', content: '[{"id":"c1","sentiment":"neutral","urgency":1}]' }));
    expect(await h.ai.sentiment.run()).toEqual({ ok: true, scored: 2, chatIds: [CHAT] });
    expect(await h.ai.sentiment.run()).toMatchObject({ ok: false, reason: 'budget' });
    expect(h.fake.requests).toHaveLength(2);
    expect(h.store.scored.size).toBe(2);
  });

  it('stops between batches when AI is turned off', async () => {
    h = await createHarness({ sentiment: { batchSize: 1, maxBatchesPerRun: 10 } });
    h.store.addMessages([1, 2, 3].map(i => msg(CHAT, false, `message ${i}`)));
    await h.enable();
    h.fake.fallback(() => {
      // the agent switches AI off while the first batch is in flight
      h.store.saveSettings({ ...(h.store.loadSettings() as object), enabled: false });
      return { kind: 'text', content: '[{"id":"c1","sentiment":"neutral","urgency":1}]' };
    });
    expect(await h.ai.sentiment.run()).toEqual({ ok: true, scored: 1, chatIds: [CHAT] });
    expect(h.fake.requests).toHaveLength(1);
    expect(h.store.scored.size).toBe(1);
  });

  it('never runs while AI is off: no request and not even a store query', async () => {
    h = await createHarness();
    h.store.addMessages([msg(CHAT, false, 'hello')]);
    expect(await h.ai.sentiment.run()).toMatchObject({ ok: false, reason: 'disabled' });
    expect(h.store.calls).not.toContain('unscoredIncoming');
    expect(h.fake.requests).toHaveLength(0);
  });

  it('runs on its timer once started, and a kick brings the next run forward', async () => {
    const pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];
    const timers: AiTimers = {
      setTimeout: (fn, ms) => {
        const t = { fn, ms, cancelled: false };
        pending.push(t);
        return t;
      },
      clearTimeout: handle => {
        (handle as { cancelled: boolean }).cancelled = true;
      },
    };
    h = await createHarness({ timers, sentiment: { intervalMs: 60_000, kickDelayMs: 1_000 } });
    // The endpoint deadline uses the same timers; never firing them keeps requests unbounded here.
    await h.enable();
    h.fake.fallback(() => ({ kind: 'text', content: '[{"id":"c1","sentiment":"negative","urgency":2}]' }));
    const live = () => pending.filter(t => !t.cancelled && t.ms !== 5_000);
    const fire = async () => {
      const t = live()[0];
      if (!t) throw new Error('nothing scheduled');
      t.cancelled = true;
      t.fn();
      // let the run finish: it is done when the worker has scheduled its next run
      await expect.poll(() => live().length, { timeout: 3_000 }).toBe(1);
    };

    h.ai.sentiment.start();
    expect(live().map(t => t.ms)).toEqual([1_000]);
    await fire();
    expect(live().map(t => t.ms)).toEqual([60_000]);
    expect(h.fake.requests).toHaveLength(0); // nothing to score yet

    h.store.addMessages([msg(CHAT, false, 'my payment failed twice!!')]);
    h.ai.sentiment.kick();
    expect(live().map(t => t.ms)).toEqual([1_000]);
    await fire();
    expect(h.fake.requests).toHaveLength(1);
    expect(h.store.insights([CHAT])).toMatchObject([{ sentiment: 'negative', urgency: 2 }]);

    await h.ai.sentiment.stop();
    expect(live()).toEqual([]);
  });
});
