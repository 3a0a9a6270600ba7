/**
 * The simulator's group extras on demand (`demo:simulate` → control `customer_sends`): a
 * poll with its three votes and a message that @mentions a member and us, in the first
 * group; and the command, which only a running simulated number accepts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../common/domain';
import { messageInputSchema, pollVoteSchema } from '../../../common/ingest';
import type { SimulatorControl } from '../../../main/accounts/protocol';
import type { ProviderEvent } from '../../../main/accounts/provider';
import { ON_DEMAND_POLL } from '../../../main/accounts/providers/simulator/group-extras';
import { createSimulatorProvider } from '../../../main/accounts/providers/simulator/provider';
import { createWorld } from '../../../main/accounts/providers/simulator/world';
import type { AccountsPort } from '../../../main/core/handlers/accounts';
import { accountsHandlers } from '../../../main/core/handlers/accounts';
import { waitFor } from '../../helpers/accounts/wait';

const OPTIONS = {
  accountId: 'acc_sim',
  seed: 3,
  epochMs: Date.now() - 5_000,
  chats: 8,
  chatterIntervalMs: 0,
  qrScanDelayMs: 5,
  history: 30,
  ackStepMs: 10,
  ready: 'normal',
} as const;

let dir: string;
let events: ProviderEvent[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blazz-sim-demand-'));
  events = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function running() {
  const p = createSimulatorProvider({ ...OPTIONS, dataDir: dir });
  p.onEvent(e => events.push(e));
  await p.start();
  await waitFor('ready', () => events.some(e => e.kind === 'status' && e.status.state === 'ready'));
  return p;
}
const world = createWorld(OPTIONS);
const group = world.chats.find(c => c.isGroup);

describe('simulator: a group sends on demand', () => {
  it('a poll in the first group, then three votes: two for Wednesday, one for Friday', async () => {
    const p = await running();
    try {
      await p.control?.({ kind: 'customer_sends', what: 'poll' });
      const poll = events.flatMap(e => (e.kind === 'message' ? [e.message] : [])).at(-1);
      expect(poll).toMatchObject({
        chatJid: group?.jid,
        type: 'poll',
        poll: { question: ON_DEMAND_POLL.question, options: [...ON_DEMAND_POLL.options], multiple: false },
      });
      expect(messageInputSchema.safeParse(poll).success).toBe(true);
      const votes = await waitFor('three votes', () => {
        const v = events.flatMap(e => (e.kind === 'vote' ? [e.vote] : []));
        return v.length === 3 ? v : null;
      });
      for (const v of votes) expect(pollVoteSchema.safeParse(v).success).toBe(true);
      expect(votes.map(v => v.providerMessageId)).toEqual(Array(3).fill(poll?.providerMessageId));
      expect(votes.map(v => v.options[0])).toEqual(['Wednesday', 'Wednesday', 'Friday']);
      expect(new Set(votes.map(v => v.voterJid)).size).toBe(3);
      // A second poll is its own message.
      await p.control?.({ kind: 'customer_sends', what: 'poll' });
      const polls = events.flatMap(e => (e.kind === 'message' && e.message.type === 'poll' ? [e.message] : []));
      expect(new Set(polls.map(m => m.providerMessageId)).size).toBe(2);
    } finally {
      await p.stop();
    }
  });

  it('a message that @mentions another member and us, with their jids beside the body', async () => {
    const p = await running();
    try {
      await p.control?.({ kind: 'customer_sends', what: 'mention' });
      const m = events.flatMap(e => (e.kind === 'message' ? [e.message] : [])).at(-1);
      expect(messageInputSchema.safeParse(m).success).toBe(true);
      const [other, me] = m?.mentions ?? [];
      expect(me).toBe(world.me.jid);
      expect(group?.people.map(x => x.jid)).toContain(other);
      expect(other).not.toBe(m?.author);
      expect(m?.body).toContain(`@${other?.split('@')[0]} @${world.me.phone} `);
    } finally {
      await p.stop();
    }
  });

  it('a customer whose number is hidden: a new lid chat, no name, no phone (issue #20)', async () => {
    const p = await running();
    try {
      await p.control?.({ kind: 'customer_sends', what: 'hidden_number' });
      const m = events.flatMap(e => (e.kind === 'message' ? [e.message] : [])).at(-1);
      expect(messageInputSchema.safeParse(m).success).toBe(true);
      expect(m?.chatJid).toMatch(/^\d{14}@lid$/);
      expect(m).toMatchObject({ fromMe: false, author: null, authorName: null, type: 'text' });
      // No contact or chat event names it: the inbox has nothing but the lid.
      expect(events.some(e => e.kind === 'contact' && JSON.stringify(e.contact).includes(m?.chatJid ?? '?'))).toBe(
        false,
      );
    } finally {
      await p.stop();
    }
  });
});

describe('demo:simulate', () => {
  const account = (over: Partial<Omit<Account, 'id'>> & { id?: string }): Account =>
    ({ id: 'sim1', provider: 'simulator', state: 'ready', ...over }) as Account;
  const handlersOver = (accounts: Account[], sent: SimulatorControl[]) =>
    accountsHandlers({
      list: () => accounts,
      control: (_id: string, c: SimulatorControl) => void sent.push(c),
    } as unknown as AccountsPort);
  const ctx = {} as never;
  // A handler may answer at once or throw at once; dispatch awaits either.
  const call = async (h: ReturnType<typeof handlersOver>, args: { accountId: string; what: 'poll' | 'mention' }) =>
    h['demo:simulate'](args, ctx);

  it('asks a running simulated number, and refuses a real, stopped or unknown one', async () => {
    const sent: SimulatorControl[] = [];
    const h = handlersOver(
      [account({}), account({ id: 'real1', provider: 'webjs' }), account({ id: 'off1', state: 'stopped' })],
      sent,
    );
    await expect(call(h, { accountId: 'sim1', what: 'mention' })).resolves.toEqual({
      accountId: 'sim1',
    });
    expect(sent).toEqual([{ kind: 'customer_sends', what: 'mention' }]);
    await expect(call(h, { accountId: 'real1', what: 'poll' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
    await expect(call(h, { accountId: 'off1', what: 'poll' })).rejects.toMatchObject({
      code: 'unavailable',
    });
    await expect(call(h, { accountId: 'nope', what: 'poll' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(sent).toHaveLength(1);
  });
});
