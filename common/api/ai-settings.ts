/**
 * Settings → AI beyond the settings themselves: testing an endpoint before turning AI on,
 * and the workspace's AI policy (read by everyone, changed by admins) that desktops follow.
 */
import { z } from 'zod';
import type { WireAiPolicy } from '../protocol-ai-policy';
import { aiPolicyUpdateSchema } from '../protocol-ai-policy';
import type { AiOutcome, AiSettings } from './ai';
import { command } from './define';

/** The model's own answer to a fixed one-line prompt, and how long it took. */
export type AiTestResult = AiOutcome<{ readonly answer: string; readonly ms: number }>;

/** Which settings the workspace policy decides, so the screen can lock them and say why. */
export type AiPolicyLocks = {
  readonly enabled: boolean;
  readonly baseUrl: boolean;
  readonly model: boolean;
  readonly redact: boolean;
};

/** What a desktop actually uses: its own settings, overruled where the workspace decides. */
export function applyAiPolicy(settings: AiSettings, policy: WireAiPolicy | null): AiSettings {
  if (!policy) return settings;
  return {
    ...settings,
    enabled: settings.enabled && policy.allowed,
    baseUrl: policy.baseUrl ?? settings.baseUrl,
    model: policy.model ?? settings.model,
    redact: settings.redact || policy.forceRedact,
  };
}

export function aiPolicyLocks(policy: WireAiPolicy | null): AiPolicyLocks {
  return {
    enabled: policy !== null && !policy.allowed,
    baseUrl: policy?.baseUrl != null,
    model: policy?.model != null,
    redact: policy?.forceRedact === true,
  };
}

export type AiSettingsEvents = {
  /** The workspace's AI policy this desktop follows changed (null: signed out). */
  'ai:policy:changed': { readonly policy: WireAiPolicy | null };
};

export const aiSettingsEventNames: Record<keyof AiSettingsEvents, true> = { 'ai:policy:changed': true };

export const aiSettingsCommands = {
  /**
   * Sends one fixed prompt (no chat data) to the endpoint in the form, with the key typed
   * there or else the saved one. Works while AI is off, so a setup can be checked first;
   * refused ('disabled') when the workspace policy does not allow AI.
   */
  'ai:test': command<AiTestResult>()(
    z.strictObject({
      baseUrl: z.url({ protocol: /^https?$/ }).max(500),
      model: z.string().trim().min(1).max(200),
      apiKey: z.string().trim().min(1).max(500).optional(),
      timeoutMs: z.number().int().min(50).max(300_000).optional(),
    }),
  ),
  /** The workspace's AI policy; null when not signed in to a workspace. */
  'ai:policy:get': command<WireAiPolicy | null>()(z.strictObject({})),
  /** Admins only (the server decides); the new policy reaches every desktop as a fact. */
  'ai:policy:save': command<WireAiPolicy>()(aiPolicyUpdateSchema),
} as const;
