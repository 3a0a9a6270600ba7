/**
 * The workspace's AI policy on this device: fetched from the server on every connect, kept
 * current by `aiPolicy:updated` facts, stored in the settings table so it holds offline
 * and across restarts. The AI gateway reads it before every request.
 */
import type { AiPolicyUpdate, WireAiPolicy } from '../../common/protocol-ai-policy';
import { wireAiPolicySchema } from '../../common/protocol-ai-policy';
import type { Logger } from '../platform/log';
import type { Store } from '../store';

export const AI_POLICY_SETTING = 'workspace.aiPolicy';

/** The stored policy; null when none was ever received. A row that does not parse locks AI off. */
export function storedAiPolicy(store: Pick<Store, 'getSetting'>): WireAiPolicy | null {
  const raw = store.getSetting(AI_POLICY_SETTING);
  if (raw === null || raw === undefined) return null;
  const parsed = wireAiPolicySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Whatever the admin wrote, we cannot tell it apart from "not allowed": the safe reading.
  return { allowed: false, baseUrl: null, model: null, forceRedact: true, updatedAt: null, updatedBy: null };
}

export function saveAiPolicy(store: Pick<Store, 'setSetting'>, policy: WireAiPolicy | null): void {
  store.setSetting(AI_POLICY_SETTING, policy);
}

type PolicyCall = {
  (name: 'aiPolicy:get', args: Record<string, never>): Promise<WireAiPolicy>;
  (name: 'aiPolicy:update', args: AiPolicyUpdate): Promise<WireAiPolicy>;
};

/** Fetching and changing the policy over the workspace link. */
export function createAiPolicySync(deps: {
  readonly store: Pick<Store, 'getSetting' | 'setSetting'>;
  readonly call: PolicyCall;
  readonly log: Logger;
  /** Told whenever the stored policy changes, so an open settings screen can follow. */
  readonly changed?: (policy: WireAiPolicy | null) => void;
}) {
  const save = (policy: WireAiPolicy | null): void => {
    saveAiPolicy(deps.store, policy);
    deps.changed?.(policy);
  };
  /**
   * A reply read before a change can arrive after that change's fact: never let it take
   * the newer policy's place.
   */
  const keepNewer = (policy: WireAiPolicy): void => {
    const stored = storedAiPolicy(deps.store);
    if (stored?.updatedAt != null && (policy.updatedAt ?? -1) < stored.updatedAt) return;
    save(policy);
  };
  return {
    current: () => storedAiPolicy(deps.store),
    /** On every connect: a change made while this device was away is in the log, but a first sign-in has no log yet. */
    async refresh(): Promise<void> {
      try {
        keepNewer(await deps.call('aiPolicy:get', {}));
      } catch (err) {
        // An older server without policies: keep what we have (nothing, usually).
        deps.log.warn('ai policy unavailable', { err: String(err) });
      }
    },
    /** Admins only; the server refuses others with 'forbidden'. */
    async save(update: AiPolicyUpdate): Promise<WireAiPolicy> {
      const policy = await deps.call('aiPolicy:update', update);
      keepNewer(policy);
      return policy;
    },
    /** From an `aiPolicy:updated` fact: facts arrive in order, so it always wins. */
    applyFact: (policy: WireAiPolicy) => save(policy),
    forget: () => save(null),
  };
}
