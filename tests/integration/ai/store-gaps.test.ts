/**
 * What only shows on the real SQLite store: a message that arrives as an encrypted
 * placeholder and is filled in later is still scored for sentiment (the watermark walks by
 * sequence and had passed it), and the AI cache stays bounded by age and by count.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { asAccountId } from '../../../common/domain';
import type { MessageInput } from '../../../common/ingest';
import { MAX_CACHE_ENTRIES } from '../../../main/ai/gateway';
import type { Harness } from './harness';
import { CHAT, T0, createHarness, msg } from './harness';

let h: Harness;
afterEach(() => h.close());

const NEGATIVE = '[{"id":"c1","sentiment":"negative","urgency":3}]';
const DAY = 24 * 3600 * 1000;

const placeholder = (over: Partial<MessageInput> = {}): MessageInput => ({
  accountId: asAccountId('acc1'),
  chatJid: '6281234567890@c.us',
  providerMessageId: 'late-1',
  fromMe: false,
  author: null,
  authorName: null,
  type: 'ciphertext',
  body: null,
  caption: null,
  media: null,
  location: null,
  vcard: null,
  quotedProviderMessageId: null,
  timestamp: T0 + 500,
  ack: 'sent',
  edited: false,
  revoked: false,
  clientMessageId: null,
  ...over,
});

describe('sentiment on the real store', () => {
  it('scores a placeholder once its content arrives, although newer messages were scored before', async () => {
    h = await createHarness();
    h.store.ingestMessages([placeholder()]);
    h.store.addMessages([msg(CHAT, false, 'Hello?', T0 + 1_000)]);
    await h.enable();
    h.fake.fallback(() => ({ kind: 'text', content: NEGATIVE }));
    expect(await h.ai.sentiment.run()).toMatchObject({ ok: true, scored: 1 });
    expect(h.fake.requests.at(-1)?.text).toContain('Hello?');

    // The provider decrypts it later: same id, same (older) place in the chat.
    h.store.ingestMessages([placeholder({ type: 'text', body: 'Where is my refund?! Third time asking' })]);
    expect(await h.ai.sentiment.run()).toMatchObject({ ok: true, scored: 1 });
    expect(h.fake.requests).toHaveLength(2);
    expect(h.fake.requests[1]?.text).toContain('Where is my refund?! Third time asking');
    expect(h.fake.requests[1]?.text).not.toContain('Hello?');
    // Scored once: nothing is asked again.
    expect(await h.ai.sentiment.run()).toMatchObject({ ok: false, reason: 'nothing_to_do' });
    expect(h.fake.requests).toHaveLength(2);
  });

  it('forgets a placeholder that is deleted instead of filled', async () => {
    h = await createHarness();
    h.store.ingestMessages([placeholder()]);
    h.store.addMessages([msg(CHAT, false, 'Hello?', T0 + 1_000)]);
    await h.enable();
    h.fake.fallback(() => ({ kind: 'text', content: NEGATIVE }));
    await h.ai.sentiment.run();
    expect(h.store.store.getSetting('ai.sentiment.waitingSeqs')).toHaveLength(1);
    h.store.ingestMessages([placeholder({ revoked: true })]);
    expect(await h.ai.sentiment.run()).toMatchObject({ ok: false, reason: 'nothing_to_do' });
    expect(h.store.store.getSetting('ai.sentiment.waitingSeqs')).toEqual([]);
    expect(h.fake.requests).toHaveLength(1);
  });
});

describe('AI cache on the real store', () => {
  it('drops expired answers and keeps at most the newest entries when it stores a new one', async () => {
    h = await createHarness();
    h.now = T0 + 30 * DAY;
    const put = (key: string, createdAt: number) =>
      h.store.store.putAiCache({ key, kind: 'rewrite', value: 'x', createdAt });
    put('expired', h.now - 8 * DAY);
    for (let i = 0; i < MAX_CACHE_ENTRIES; i += 1) put(`recent-${i}`, h.now - DAY + i);
    await h.enable();
    h.fake.fallback(() => ({ kind: 'text', content: 'Halo kak!' }));

    expect(await h.call('ai:rewrite', { draft: 'halo', style: 'friendlier' })).toMatchObject({ ok: true });

    const has = (key: string) => h.store.store.getAiCache(key, Number.MAX_SAFE_INTEGER, h.now) !== null;
    expect(has('expired')).toBe(false);
    // The new answer and the newest old ones stay; the oldest goes to make room.
    expect(has('recent-0')).toBe(false);
    expect(has('recent-1')).toBe(true);
    expect(has(`recent-${MAX_CACHE_ENTRIES - 1}`)).toBe(true);
    const count = h.store.store.db.prepare('SELECT count(*) FROM ai_cache').pluck().get();
    expect(count).toBe(MAX_CACHE_ENTRIES);
    // The new answer is among them: asked again, it comes from the cache.
    expect(await h.call('ai:rewrite', { draft: 'halo', style: 'friendlier' })).toMatchObject({ cached: true });
  });
});
