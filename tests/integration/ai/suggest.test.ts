import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { CHAT, createHarness, msg } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  h.store.addMessages([
    msg(CHAT, false, 'Halo, pesanan saya belum sampai'),
    msg(CHAT, true, 'Boleh minta nomor pesanannya kak?'),
    msg(CHAT, false, 'INV-7781, dikirim hari Senin'),
  ]);
});
afterEach(() => h.close());

const streamedOf = (h: Harness) => h.events.flatMap(e => (e.name === 'ai:suggestions:streamed' ? [e.payload] : []));

describe('ai:suggest', () => {
  it('streams three suggestions as chips and returns them', async () => {
    await h.enable();
    h.fake.script({
      kind: 'text',
      content:
        '{"replies":["Baik kak, kami cek dulu ya.","Mohon maaf atas keterlambatannya.","Paket sedang dalam perjalanan."]}',
    });

    const r = await h.call('ai:suggest', { chatId: CHAT, requestId: 'ui-1', agentLanguage: 'Indonesian' });

    expect(r).toEqual({
      ok: true,
      requestId: 'ui-1',
      cached: false,
      suggestions: [
        'Baik kak, kami cek dulu ya.',
        'Mohon maaf atas keterlambatannya.',
        'Paket sedang dalam perjalanan.',
      ],
    });
    const streamed = streamedOf(h);
    expect(streamed.map(e => [e.index, e.text, e.done])).toEqual([
      [0, 'Baik kak, kami cek dulu ya.', false],
      [1, 'Mohon maaf atas keterlambatannya.', false],
      [2, 'Paket sedang dalam perjalanan.', false],
      [3, '', true],
    ]);
    expect(streamed.every(e => e.chatId === CHAT && e.requestId === 'ui-1')).toBe(true);

    const [req] = h.fake.requests;
    expect(req?.stream).toBe(true);
    expect(req?.model).toBe('test-model');
    expect(req?.authorization).toBe('Bearer sk-test-123');
    expect(req?.text).toContain("Answer in the customer's language. If you cannot tell it, use Indonesian.");
    expect(req?.text).toContain('Shipping time: Orders ship within 2 working days');
    expect(req?.text).toContain('Customer: INV-7781, dikirim hari Senin');
    expect(req?.text).toContain('Agent: Boleh minta nomor pesanannya kak?');
  });

  it('emits a chip before the stream has finished', async () => {
    // The endpoint holds the rest of its answer until the first chip has reached the UI:
    // if chips only came at the end, this request would time out.
    let release = () => {};
    const resume = new Promise<void>(resolve => (release = resolve));
    const streaming = await createHarness({
      emit: (_name, payload) => {
        if ('done' in payload && !payload.done) release();
      },
    });
    try {
      streaming.store.addMessages([msg(CHAT, false, 'Halo')]);
      await streaming.enable({ timeoutMs: 3_000 });
      const content = '{"replies":["First one","Second one","Third one"]}';
      streaming.fake.script({ kind: 'text', content, pauseAt: content.indexOf('Second') + 12, resume });
      const r = await streaming.call('ai:suggest', { chatId: CHAT });
      expect(r).toMatchObject({ ok: true, suggestions: ['First one', 'Second one', 'Third one'] });
    } finally {
      await streaming.close();
    }
  });

  it('works with endpoints that ignore streaming, and stops asking them to stream', async () => {
    await h.enable();
    h.fake.script(
      { kind: 'text', content: 'nothing streamed', ignoreStream: true },
      { kind: 'text', content: '1. One\n2. Two\n3. Three' },
      { kind: 'text', content: '["Four","Five","Six"]' },
    );
    expect(await h.call('ai:suggest', { chatId: CHAT })).toMatchObject({
      ok: true,
      suggestions: ['One', 'Two', 'Three'],
    });
    h.store.addMessages([msg(CHAT, false, 'Halo?')]);
    expect(await h.call('ai:suggest', { chatId: CHAT })).toMatchObject({
      ok: true,
      suggestions: ['Four', 'Five', 'Six'],
    });
    expect(h.fake.requests.map(r => r.stream)).toEqual([true, false, false]);
  });

  it('answers the same conversation from the cache without a request', async () => {
    await h.enable();
    h.fake.script({ kind: 'text', content: '{"replies":["A","B","C"]}' });
    await h.call('ai:suggest', { chatId: CHAT });
    const again = await h.call('ai:suggest', { chatId: CHAT });
    expect(again).toMatchObject({ ok: true, cached: true, suggestions: ['A', 'B', 'C'] });
    expect(h.fake.requests).toHaveLength(1);

    h.store.addMessages([msg(CHAT, false, 'Tolong dibantu')]);
    h.fake.script({ kind: 'text', content: '{"replies":["D"]}' });
    expect(await h.call('ai:suggest', { chatId: CHAT })).toMatchObject({ ok: true, cached: false, suggestions: ['D'] });
    expect(h.fake.requests).toHaveLength(2);
  });

  it('regenerates with refresh: asks the endpoint again and keeps the new answer', async () => {
    await h.enable();
    h.fake.script({ kind: 'text', content: '{"replies":["A","B","C"]}' });
    await h.call('ai:suggest', { chatId: CHAT });
    h.fake.script({ kind: 'text', content: '{"replies":["E","F","G"]}' });
    const fresh = await h.call('ai:suggest', { chatId: CHAT, refresh: true });
    expect(fresh).toMatchObject({ ok: true, cached: false, suggestions: ['E', 'F', 'G'] });
    expect(h.fake.requests).toHaveLength(2);
    // The new answer replaced the cached one.
    expect(await h.call('ai:suggest', { chatId: CHAT })).toMatchObject({ cached: true, suggestions: ['E', 'F', 'G'] });
  });

  it('says there is nothing to do for a chat without messages, without a request', async () => {
    await h.enable();
    const r = await h.call('ai:suggest', { chatId: 'acc1:nobody@c.us' });
    expect(r).toMatchObject({ ok: false, reason: 'nothing_to_do' });
    expect(h.fake.requests).toHaveLength(0);
  });

  it('ends the stream with done when the answer is unusable', async () => {
    await h.enable();
    h.fake.script({ kind: 'text', content: '{"replies": "not a list"}' });
    const r = await h.call('ai:suggest', { chatId: CHAT, requestId: 'ui-9' });
    expect(r).toMatchObject({ ok: false, reason: 'bad_response' });
    expect(streamedOf(h)).toEqual([{ chatId: CHAT, requestId: 'ui-9', index: 0, text: '', done: true }]);
  });
});
