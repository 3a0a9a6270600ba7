import { describe, expect, it } from 'vitest';
import { createMemoryAiStore, createMemorySecretStore } from '../../helpers/ai-memory-ports';
import { createAiService } from '../../../main/ai/service';
import { createEventBus } from '../../../main/platform/event-bus';
import { aiHandlers } from '../../../main/core/handlers/ai';
import type { DeskEvents, EventName } from '../../../common/api';

// The wiring the lead does in core.ts: the core's event bus is the service's emit.
describe('wiring into the core', () => {
  it('emits AI events on the core event bus and exposes a handler per ai command', async () => {
    const bus = createEventBus();
    const seen: { name: EventName; payload: DeskEvents[EventName] }[] = [];
    bus.subscribe((name, payload) => seen.push({ name, payload }));
    const ai = createAiService({ store: createMemoryAiStore(), secrets: createMemorySecretStore(), emit: bus.emit });
    const handlers = aiHandlers(ai);
    expect(Object.keys(handlers).sort()).toEqual([
      'ai:insights:list',
      'ai:rewrite',
      'ai:settings:get',
      'ai:settings:save',
      'ai:suggest',
      'ai:summarize',
    ]);
    // Off by default: the command answers with data, and the chip stream is not even opened.
    expect(await handlers['ai:suggest']({ chatId: 'a:b@c.us' }, { transport: 'internal' })).toMatchObject({
      ok: false,
      reason: 'disabled',
    });
    expect(seen).toEqual([]);
    await ai.close();
  });

  it('refuses settings changes when the workspace policy says so, and changes nothing', async () => {
    const store = createMemoryAiStore();
    const secrets = createMemorySecretStore();
    const ai = createAiService({ store, secrets, emit: () => {} });
    const handlers = aiHandlers(ai, { canEditSettings: () => false });
    const save = () =>
      handlers['ai:settings:save'](
        {
          enabled: true,
          baseUrl: 'http://127.0.0.1:1/v1',
          model: 'm',
          redact: false,
          dailyBudget: 1,
          timeoutMs: 1000,
          apiKey: 'sk-x',
          clearApiKey: false,
        },
        { transport: 'internal' },
      );
    expect(save).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(store.loadSettings()).toBeNull();
    expect(secrets.peek()).toBeNull();
    await ai.close();
  });
});
