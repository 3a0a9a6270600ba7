/**
 * AI service overhead, not model speed: redaction throughput, and what the service adds
 * around a request (prompt, redaction, SDK, parse) against the loopback fake endpoint.
 */
import { performance } from 'node:perf_hooks';
import { asChatId, asMessageId } from '../common/domain';
import { createMemoryAiStore, createMemorySecretStore } from '../tests/helpers/ai-memory-ports';
import { redact } from '../main/ai/redact';
import { createAiService } from '../main/ai/service';
import { startFakeOpenAi } from '../tests/helpers/fake-openai/server';
import type { BenchOptions, BenchResult } from './types';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const messages = opts.scale === 'full' ? 50_000 : 2_000;
  const sample =
    'Halo kak, nomor saya 0812 3456 7890, email budi@example.co.id, pesanan INV-20261127 belum sampai. '.repeat(3);
  const t0 = performance.now();
  let chars = 0;
  for (let i = 0; i < messages; i += 1) chars += redact(`${sample}${i}`).length;
  const redactPerSec = messages / ((performance.now() - t0) / 1000);

  const fake = await startFakeOpenAi();
  fake.fallback(() => ({ kind: 'text', content: '{"replies":["Baik kak","Kami cek dulu","Terima kasih"]}' }));
  const store = createMemoryAiStore();
  const chatId = asChatId('bench:628000@c.us');
  store.addChat(chatId, { name: 'Budi', isGroup: false, accountName: 'Toko', lastMessageAt: null });
  const ai = createAiService({ store, secrets: createMemorySecretStore('sk-bench'), emit: () => {}, maxRetries: 0 });
  await ai.saveSettings({
    enabled: true,
    baseUrl: fake.url,
    model: 'm',
    redact: true,
    dailyBudget: 1_000_000,
    timeoutMs: 10_000,
  });
  const rounds = opts.scale === 'full' ? 200 : 20;
  const fresh: number[] = [];
  const cached: number[] = [];
  try {
    for (let i = 0; i < rounds; i += 1) {
      store.addMessages([
        {
          id: asMessageId(`m${i}`),
          chatId,
          fromMe: false,
          authorName: null,
          type: 'text',
          body: `${sample} #${i}`,
          caption: null,
          timestamp: 1_700_000_000_000 + i,
          revoked: false,
        },
      ]);
      let t = performance.now();
      const a = await ai.suggest(chatId);
      fresh.push(performance.now() - t);
      t = performance.now();
      const b = await ai.suggest(chatId);
      cached.push(performance.now() - t);
      if (!a.ok || !b.ok || !b.cached) throw new Error('suggest failed during the bench');
    }
  } finally {
    await ai.close();
    await fake.close();
  }
  return [
    {
      id: 'ai.redact.messages_per_s',
      value: redactPerSec,
      unit: 'msg/s',
      scale: { messages },
      note: `${messages} messages of ~${sample.length} chars (${chars} chars out)`,
    },
    {
      id: 'ai.suggest.loopback_p50',
      value: median(fresh),
      unit: 'ms',
      scale: { requests: rounds },
      note: 'streamed round trip to the fake endpoint, SDK included',
    },
    {
      id: 'ai.suggest.cached_p50',
      value: median(cached),
      unit: 'ms',
      target: '<= 5',
      scale: { requests: rounds },
      note: 'content-hash cache hit, no request',
    },
  ];
}
