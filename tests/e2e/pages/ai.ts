import { io } from 'socket.io-client';
import { HOST_BRIDGE_PATH, IPC_INVOKE_CHANNEL } from '../../../common/ipc';
import type { LoggedRequest } from '../../helpers/fake-openai/server';

/**
 * Turns AI on in the host's core with `ai:settings:save`, the command the Settings → AI
 * screen uses. That screen is being built on another branch; until it is on main, the
 * test turns AI on here, through the same core command, over the page's own bridge.
 */
export async function enableAi(
  hostUrl: string,
  baseUrl: string,
  options: { readonly redact?: boolean; readonly dailyBudget?: number } = {},
): Promise<void> {
  const url = new URL(hostUrl);
  const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
  const socket = io(url.origin, { path: HOST_BRIDGE_PATH, auth: { token }, transports: ['websocket'], forceNew: true });
  try {
    const reply = (await socket.timeout(10_000).emitWithAck(IPC_INVOKE_CHANNEL, 'ai:settings:save', {
      enabled: true,
      baseUrl,
      model: 'fake-model',
      redact: options.redact ?? true,
      dailyBudget: options.dailyBudget ?? 500,
      timeoutMs: 15_000,
      apiKey: 'sk-test-key',
    })) as { ok: boolean };
    if (!reply.ok) throw new Error(`ai:settings:save refused: ${JSON.stringify(reply)}`);
  } finally {
    socket.close();
  }
}

export type AiFeature = 'suggest' | 'summary' | 'rewrite' | 'translate' | 'sentiment' | 'other';

/** Which feature a request to the fake endpoint came from, by its system prompt. */
export function featureOf(req: LoggedRequest): AiFeature {
  const system = req.messages[0]?.content ?? '';
  if (system.includes('Write three different short replies')) return 'suggest';
  if (system.includes('customerWants')) return 'summary';
  if (system.includes('Translate the draft')) return 'translate';
  if (system.includes('You edit replies')) return 'rewrite';
  if (system.includes('rate new customer messages')) return 'sentiment';
  return 'other';
}

/** Runs of digits (with separators) long enough to be a phone number: nine digits or more. */
export function phoneLike(text: string): string[] {
  return (text.match(/\+?\d[\d\s().-]{6,}\d/g) ?? []).filter(run => run.replace(/\D/g, '').length >= 9);
}

export function emailLike(text: string): string[] {
  return text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
}
