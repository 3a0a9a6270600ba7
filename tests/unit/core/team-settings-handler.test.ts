/** The core's workspace settings: the server's when online (remembered), this device's copy offline. */
import { describe, expect, it } from 'vitest';
import type { TeamSettings } from '../../../common/api/team-settings';
import { teamSettingsHandlers } from '../../../main/core/handlers/team-settings';

function setup(online: boolean, server: TeamSettings) {
  const kv = new Map<string, unknown>();
  const sent: Array<{ name: string; args: unknown }> = [];
  const emitted: unknown[] = [];
  const sync = {
    isOnline: () => online,
    call: (name: string, args: unknown) => {
      sent.push({ name, args });
      return Promise.resolve(server);
    },
  } as unknown as Parameters<typeof teamSettingsHandlers>[0];
  const store = {
    getSetting: (key: string) => kv.get(key),
    setSetting: (key: string, value: unknown) => void kv.set(key, value),
  } as unknown as Parameters<typeof teamSettingsHandlers>[1];
  const events = { emit: (_name: string, payload: unknown) => void emitted.push(payload) } as unknown as Parameters<
    typeof teamSettingsHandlers
  >[2];
  const h = teamSettingsHandlers(sync, store, events);
  const ctx = { transport: 'internal' } as const;
  return {
    get: () => h['teamSettings:get']({}, ctx),
    update: (patch: Partial<TeamSettings>) => h['teamSettings:update'](patch, ctx),
    kv,
    sent,
    emitted,
  };
}

describe('teamSettings handlers', () => {
  it('offline, before anything was learned: the server defaults (agents may not hand on)', async () => {
    const s = setup(false, { agentsSeeUnassigned: false, agentsMayHandOver: true });
    expect(await s.get()).toEqual({ agentsSeeUnassigned: true, agentsMayHandOver: false });
    expect(s.sent).toEqual([]);
  });

  it('online: asks the server and remembers the answer for offline', async () => {
    const server = { agentsSeeUnassigned: false, agentsMayHandOver: true };
    const s = setup(true, server);
    expect(await s.get()).toEqual(server);
    expect(s.sent).toEqual([{ name: 'settings:get', args: {} }]);
    expect(s.kv.get('workspace.settings')).toEqual(server);
  });

  it('update sends only the fields given and announces the result', async () => {
    const server = { agentsSeeUnassigned: true, agentsMayHandOver: true };
    const s = setup(true, server);
    expect(await s.update({ agentsMayHandOver: true })).toEqual(server);
    expect(s.sent).toEqual([{ name: 'settings:update', args: { agentsMayHandOver: true } }]);
    expect(s.emitted).toEqual([{ settings: server }]);
  });
});
