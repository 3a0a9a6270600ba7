/**
 * The workspace's AI policy end to end between a real server and a full desktop core: only
 * admins change it, every member reads it, and a desktop follows it at once: "not allowed"
 * sends nothing, a policy endpoint replaces the desktop's own, redaction stays forced on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { callCore as call, until } from '../../helpers/core';
import type { FakeOpenAi } from '../../helpers/fake-openai/server';
import { startFakeOpenAi } from '../../helpers/fake-openai/server';
import type { Stack } from '../server/harness';
import { PASSWORD, call as callServer, must, recorder, startStack } from '../server/harness';
import { desktops } from '../sync/desktops';

let stack: Stack;
let core: Core;
let fake: FakeOpenAi;
let other: FakeOpenAi;
const desks = desktops('aipolicy');
afterEach(ctx => desks.printLogsIfFailed(ctx));

beforeAll(async () => {
  [stack, fake, other] = await Promise.all([startStack(), startFakeOpenAi(), startFakeOpenAi()]);
  core = await desks.open();
}, 120_000);

afterAll(async () => {
  await core?.close();
  await Promise.all([stack?.stop(), fake?.close(), other?.close()]);
  desks.removeAll();
});

const OPEN = { allowed: true, baseUrl: null, model: null, forceRedact: false };

describe('workspace AI policy', () => {
  it('is open until an admin sets it; agents read it but cannot change it; the change reaches devices as a fact', async () => {
    const admin = await stack.device('admin');
    const agent = await stack.device('agent');
    expect(await must(agent.socket, 'aiPolicy:get', {})).toMatchObject({ ...OPEN, updatedAt: null });
    const refused = await callServer(agent.socket, 'aiPolicy:update', { ...OPEN, allowed: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const seen = recorder(agent.socket);
    const fact = seen.next('aiPolicy:updated');
    const saved = await must(admin.socket, 'aiPolicy:update', { ...OPEN, allowed: false, forceRedact: true });
    expect(saved).toMatchObject({ allowed: false, forceRedact: true, updatedBy: admin.id });
    expect(await fact).toMatchObject({ policy: { allowed: false, forceRedact: true } });
    expect(await must(agent.socket, 'aiPolicy:get', {})).toEqual(saved);
    await must(admin.socket, 'aiPolicy:update', OPEN);
  });

  it('a desktop follows it: "not allowed" sends nothing, a policy endpoint and forced redaction apply', async () => {
    const adminMember = await stack.member('admin');
    await call(core, 'workspace:signIn', { serverUrl: stack.node.url, email: adminMember.email, password: PASSWORD });
    await until('online', async () => (await call(core, 'workspace:status', {})).connection === 'online');
    await call(core, 'ai:settings:save', {
      enabled: true,
      baseUrl: other.url,
      model: 'own-model',
      redact: false,
      dailyBudget: 10,
      timeoutMs: 5_000,
    });

    // Saved through the desktop (the admin's own), so the desktop stores it at once.
    const policy = await call(core, 'ai:policy:save', { ...OPEN, allowed: false });
    expect(policy.allowed).toBe(false);
    const view = await call(core, 'ai:settings:get', {});
    expect(view.settings.enabled).toBe(false);
    expect(view.policy).toMatchObject({ allowed: false });
    expect(await call(core, 'ai:test', { baseUrl: other.url, model: 'own-model' })).toMatchObject({
      ok: false,
      reason: 'disabled',
    });
    expect(other.requests).toHaveLength(0);

    fake.fallback(() => ({ kind: 'text', content: 'I can read this.' }));
    await call(core, 'ai:policy:save', { allowed: true, baseUrl: fake.url, model: 'policy-model', forceRedact: true });
    const test = await call(core, 'ai:test', { baseUrl: other.url, model: 'own-model' });
    expect(test).toMatchObject({ ok: true, answer: 'I can read this.' });
    expect(other.requests).toHaveLength(0);
    expect(fake.requests.at(-1)?.model).toBe('policy-model');
    const locked = await call(core, 'ai:settings:get', {});
    expect(locked.settings).toMatchObject({ enabled: true, baseUrl: fake.url, model: 'policy-model', redact: true });

    // Signing out forgets the workspace's policy: the desktop's own settings apply again.
    await call(core, 'workspace:signOut', {});
    expect((await call(core, 'ai:settings:get', {})).settings).toMatchObject({ baseUrl: other.url, redact: false });
    expect(await call(core, 'ai:policy:get', {})).toBeNull();
  });

  it('a policy changed by another admin reaches a connected desktop through the log', async () => {
    const adminMember = await stack.member('admin');
    await call(core, 'workspace:signIn', { serverUrl: stack.node.url, email: adminMember.email, password: PASSWORD });
    await until('online', async () => (await call(core, 'workspace:status', {})).connection === 'online');
    const admin = await stack.device('admin');
    const told: unknown[] = [];
    const unsubscribe = core.events.subscribe((name, payload) => {
      if (name === 'ai:policy:changed') told.push(payload);
    });
    await must(admin.socket, 'aiPolicy:update', { ...OPEN, allowed: false });
    // The open settings screen is told, so it can lock the switch at once.
    await until('screen told', async () => told.length > 0);
    expect(told.at(-1)).toMatchObject({ policy: { allowed: false } });
    unsubscribe();
    await until('policy applied', async () => (await call(core, 'ai:settings:get', {})).settings.enabled === false);
    expect(await call(core, 'ai:policy:get', {})).toMatchObject({ allowed: false });
    await must(admin.socket, 'aiPolicy:update', OPEN);
    await until('policy lifted', async () => (await call(core, 'ai:settings:get', {})).settings.enabled === true);
    await call(core, 'workspace:signOut', {});
  });
});
