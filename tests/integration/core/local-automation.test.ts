/**
 * Issue #17: a desktop that is not signed in to a workspace runs its numbers' automation
 * itself. A real core with a simulated number whose customers write on their own: the away
 * message goes out once per chat while closed (also across a core restart), a rule tags the
 * chats customers write in, and an automated reply never triggers a rule.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName, CommandResult } from '../../../common/api';
import type { BusinessHours } from '../../../common/automation/hours';
import type { Message } from '../../../common/domain';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import { silentLogger } from '../../../main/platform/log';
import { openStore } from '../../../main/store';
import { msg } from '../../unit/store/fixtures';
import { asAccountId } from '../../../common/domain';
import { callCore, until } from '../../helpers/core';

let core: Core;
let dataDir: string;
let accountId: string;
const call = <K extends CommandName>(name: K, args: unknown): Promise<CommandResult<K>> => callCore(core, name, args);

const open = () =>
  createCore({
    dataDir,
    shell: 'headless',
    version: 'test',
    log: silentLogger,
    accounts: { simulator: { qrScanDelayMs: 50, chatterIntervalMs: 250, ackStepMs: 50, history: 3, chats: 4 } },
  });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const nine = [{ start: '09:00', end: '17:00' }];
/** Open on weekdays, but today and tomorrow (UTC) are holidays: closed whenever the test runs. */
const CLOSED: BusinessHours = {
  timeZone: 'UTC',
  week: { sun: nine, mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: nine },
  holidays: [day(0), day(1)],
};

/** Automated messages (marked in the store, 0016), per chat. */
function automated(): Map<string, Message[]> {
  const rows = core.store.db.sqlite
    .prepare("SELECT account_id || ':' || provider_message_id AS id FROM messages WHERE automated = 1")
    .pluck()
    .all() as string[];
  const byChat = new Map<string, Message[]>();
  for (const m of core.store.getMessages(rows as never[])) byChat.set(m.chatId, [...(byChat.get(m.chatId) ?? []), m]);
  return byChat;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'blazz-local-auto-'));
  core = await open();
  const template = await call('templates:save', {
    shortcut: 'thanks',
    title: 'Thanks',
    body: 'Terima kasih {{contact.name}}',
  });
  const account = await call('accounts:add', { provider: 'simulator', name: 'Toko Lokal' });
  accountId = account.id;
  await call('local-automation:save', {
    accountId,
    hours: CLOSED,
    away: { enabled: true, text: '{{number.name}} tutup, buka lagi {{next_opening}}.' },
    greeting: { enabled: false, text: '', idleHours: 24 },
  });
  await call('local-rules:save', {
    rule: {
      name: 'Tag every customer',
      enabled: true,
      stopAfter: false,
      trigger: { type: 'message.received' },
      conditions: [],
      actions: [{ kind: 'addTag', tag: 'otomatis' }],
    },
  });
  await call('local-rules:save', {
    rule: {
      name: 'Thank',
      enabled: true,
      stopAfter: false,
      trigger: { type: 'message.received' },
      conditions: [],
      actions: [{ kind: 'reply', templateId: template.id }],
    },
  });
}, 60_000);

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('automation on a desktop that is not signed in', () => {
  it('sends the away message once per chat while closed', async () => {
    await until(
      'an away message',
      () => [...automated().values()].some(l => l.some(m => /tutup/.test(m.body ?? ''))),
      30_000,
    );
    // Customers keep writing: still one away message per chat in this closed period.
    await new Promise(r => setTimeout(r, 3_000));
    for (const list of automated().values()) {
      const away = list.filter(m => /tutup/.test(m.body ?? ''));
      expect(away.length).toBeLessThanOrEqual(1);
      if (away[0]) expect(away[0].body).toMatch(/^Toko Lokal tutup, buka lagi \w{3} \d{1,2} \w{3}, 09:00\.$/);
    }
  }, 60_000);

  it('runs a rule that tags the chats customers write in, never groups', async () => {
    const chats = await until('a tagged chat', async () => {
      const page = await call('chats:list', {});
      return page.items.some(c => c.tags.includes('otomatis')) && page.items;
    });
    for (const c of chats.filter(x => x.isGroup)) expect(c.tags).not.toContain('otomatis');
  });

  it('never runs a rule on an automated reply, and keeps replies within the cool-down', async () => {
    await until('a rule reply', () =>
      [...automated().values()].some(l => l.some(m => /^Terima kasih/.test(m.body ?? ''))),
    );
    const runs = core.store.listLocalRuleRuns(200, false);
    expect(runs.length).toBeGreaterThan(0);
    const triggers = core.store.getMessages(runs.map(r => r.triggerKey.replace(/^(msg|open):/, '')) as never[]);
    expect(triggers.length).toBeGreaterThan(0);
    expect(triggers.every(m => !m.fromMe && m.automated !== true)).toBe(true);
    for (const list of automated().values()) expect(list.length).toBeLessThanOrEqual(4);
  });

  it('answers once across a restart of the core', async () => {
    const before = new Map(
      [...automated()].map(([chat, l]) => [chat, l.filter(m => /tutup/.test(m.body ?? '')).length]),
    );
    await core.close();
    core = await open();
    await until('the number back', async () => (await call('accounts:list', {})).some(a => a.state === 'ready'));
    await new Promise(r => setTimeout(r, 3_000));
    for (const [chat, list] of automated()) {
      const away = list.filter(m => /tutup/.test(m.body ?? '')).length;
      expect(away).toBeLessThanOrEqual(1);
      if ((before.get(chat) ?? 0) === 1) expect(away).toBe(1);
    }
  }, 60_000);

  it('answers on start a message stored just before the core stopped', async () => {
    await core.close();
    // As if the core died between storing the batch and running its automation.
    const store = openStore({ file: join(dataDir, 'blazz.sqlite'), checkpointEveryMs: 0 });
    const late = msg(asAccountId(accountId), '6289900001111@c.us', {
      body: 'Halo, masih buka?',
      timestamp: Date.now() - 1_000,
    });
    expect(store.ingest({ messages: [late] }).newMessageIds).toHaveLength(1);
    store.close();
    core = await open();
    const chatId = `${accountId}:6289900001111@c.us`;
    await until('the away message for the late message', () => (automated().get(chatId)?.length ?? 0) > 0);
    await new Promise(r => setTimeout(r, 1_500));
    // Once each: the away message and the rule's reply, the rules having run on start too.
    const bodies = (automated().get(chatId) ?? []).map(m => m.body ?? '');
    expect(bodies.filter(b => /^Toko Lokal tutup/.test(b))).toHaveLength(1);
    expect(bodies.filter(b => /^Terima kasih/.test(b))).toHaveLength(1);
  }, 60_000);

  it('sends the automated messages through WhatsApp (their client ids are ones the number takes)', async () => {
    await until('an automated message sent', () =>
      [...automated().values()].some(l => l.some(m => m.ack !== 'pending' && m.ack !== 'failed')),
    );
    for (const list of automated().values()) for (const m of list) expect(m.ack).not.toBe('failed');
  });

  it('runs a status-changed rule once when the user changes a chat’s status here', async () => {
    const rule = await call('local-rules:save', {
      rule: {
        name: 'Resolved',
        enabled: true,
        stopAfter: false,
        trigger: { type: 'status.changed', to: 'resolved' },
        conditions: [],
        actions: [{ kind: 'addTag', tag: 'selesai' }],
      },
    });
    const chat = (await call('chats:list', {})).items.find(c => !c.isGroup && c.status === 'open')!;
    const changed = await call('chats:setStatus', { chatId: chat.id, status: 'resolved' });
    expect(changed).toMatchObject({ status: 'resolved', version: chat.version });
    expect(changed.tags).toContain('selesai');
    // Signed out the status is this desktop's own: nothing is queued for a workspace.
    expect(core.store.listChatChanges(chat.id)).toEqual([]);
    const runs = (await call('local-rules:runs', {})).filter(r => r.ruleId === rule.id);
    expect(runs).toHaveLength(1);
    await call('chats:setStatus', { chatId: chat.id, status: 'resolved' });
    expect((await call('local-rules:runs', {})).filter(r => r.ruleId === rule.id)).toHaveLength(1);
  });

  it('leaves the local settings alone for a number this desktop does not host', async () => {
    const reply = await core.dispatch('local-automation:get', { accountId: 'someone-else' }, { transport: 'internal' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await call('local-automation:hours', {})).map(h => h.accountId)).toEqual([accountId]);
  });
});
