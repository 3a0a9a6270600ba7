import { describe, expect, it } from 'vitest';
import type { WireAiPolicy } from '../../../common/protocol-ai-policy';
import { OPEN_AI_POLICY } from '../../../common/protocol-ai-policy';
import { silentLogger } from '../../../main/platform/log';
import { AI_POLICY_SETTING, createAiPolicySync, storedAiPolicy } from '../../../main/sync/ai-policy';
import { openStore } from '../../../main/store';

const policy = (updatedAt: number, allowed: boolean): WireAiPolicy => ({
  ...OPEN_AI_POLICY,
  allowed,
  updatedAt,
  updatedBy: '11111111-1111-4111-8111-111111111111',
});

function setup(reply: () => WireAiPolicy) {
  const store = openStore({ file: ':memory:', checkpointEveryMs: 0 });
  const sync = createAiPolicySync({
    store,
    call: (() => Promise.resolve(reply())) as Parameters<typeof createAiPolicySync>[0]['call'],
    log: silentLogger,
  });
  return { store, sync };
}

describe('the desktop copy of the workspace AI policy', () => {
  it('does not let a reply read before a change replace the newer policy from its fact', async () => {
    const { store, sync } = setup(() => policy(1_000, true));
    store.setSetting(AI_POLICY_SETTING, policy(2_000, false)); // applied from aiPolicy:updated
    await sync.refresh();
    expect(sync.current()).toMatchObject({ allowed: false, updatedAt: 2_000 });
    store.setSetting(AI_POLICY_SETTING, policy(500, false));
    await sync.refresh();
    expect(sync.current()).toMatchObject({ allowed: true, updatedAt: 1_000 });
    store.close();
  });

  it('reads a row it cannot parse as "not allowed", and nothing as no policy', () => {
    const { store, sync } = setup(() => OPEN_AI_POLICY);
    expect(storedAiPolicy(store)).toBeNull();
    store.setSetting(AI_POLICY_SETTING, { allowed: 'yes' });
    expect(sync.current()).toMatchObject({ allowed: false, forceRedact: true });
    sync.forget();
    expect(sync.current()).toBeNull();
    store.close();
  });
});
