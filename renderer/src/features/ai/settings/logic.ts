/** Settings → AI without React: provider presets, form checks, and failure reasons as message keys. */
import type { AiFailureReason, AiSettings } from '../../../../../common/api/ai';
import type { AiSettingsMessageKey } from '../../../i18n/ai-settings.en';

export type ProviderPreset = 'openai' | 'azure' | 'ollama' | 'lmstudio' | 'custom';
export const PRESETS: readonly ProviderPreset[] = ['openai', 'azure', 'ollama', 'lmstudio', 'custom'];

/** What choosing a provider fills in; `custom` keeps whatever the fields hold. */
const PRESET_FILL: Record<Exclude<ProviderPreset, 'custom'>, { baseUrl: string; model: string; needsKey: boolean }> = {
  openai: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', needsKey: true },
  // Azure's v1 API takes the resource key as a bearer token and the deployment name as the model.
  azure: { baseUrl: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1', model: 'gpt-4o-mini', needsKey: true },
  ollama: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2', needsKey: false },
  lmstudio: { baseUrl: 'http://127.0.0.1:1234/v1', model: 'local-model', needsKey: false },
};

export function presetFill(preset: ProviderPreset): { baseUrl: string; model: string } | null {
  return preset === 'custom' ? null : PRESET_FILL[preset];
}

/** Which preset an address belongs to, so a saved setup opens with the right provider shown. */
export function presetOf(baseUrl: string): ProviderPreset {
  const url = baseUrl.trim().replace(/\/+$/, '');
  if (url === PRESET_FILL.openai.baseUrl) return 'openai';
  if (/^https:\/\/[^/]+\.openai\.azure\.com\//.test(url)) return 'azure';
  if (/^http:\/\/(127\.0\.0\.1|localhost):11434\/v1$/.test(url)) return 'ollama';
  if (/^http:\/\/(127\.0\.0\.1|localhost):1234\/v1$/.test(url)) return 'lmstudio';
  return 'custom';
}

export type AiForm = {
  readonly enabled: boolean;
  readonly baseUrl: string;
  readonly model: string;
  /** A new key typed here; empty keeps the saved one. Never filled from the core. */
  readonly apiKey: string;
  readonly clearApiKey: boolean;
  readonly redact: boolean;
  readonly dailyBudget: string;
};

export const formOf = (s: AiSettings): AiForm => ({
  enabled: s.enabled,
  baseUrl: s.baseUrl,
  model: s.model,
  apiKey: '',
  clearApiKey: false,
  redact: s.redact,
  dailyBudget: String(s.dailyBudget),
});

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** The first thing wrong with the form, as a message key; null when it can be sent. */
export function formProblem(form: AiForm): AiSettingsMessageKey | null {
  if (!isHttpUrl(form.baseUrl)) return 'aiSettings.invalid.baseUrl';
  if (form.model.trim() === '') return 'aiSettings.invalid.model';
  const budget = Number(form.dailyBudget);
  if (!/^\d+$/.test(form.dailyBudget.trim()) || budget > 1_000_000) return 'aiSettings.invalid.budget';
  return null;
}

/** The settings to save, from a form `formProblem` accepted; timeoutMs is kept as it was. */
export function settingsOf(form: AiForm, timeoutMs: number) {
  const apiKey = form.apiKey.trim();
  return {
    enabled: form.enabled,
    baseUrl: form.baseUrl.trim(),
    model: form.model.trim(),
    redact: form.redact,
    dailyBudget: Number(form.dailyBudget.trim()),
    timeoutMs,
    ...(apiKey && !form.clearApiKey ? { apiKey } : {}),
    clearApiKey: form.clearApiKey,
  };
}

export const reasonKey = (reason: AiFailureReason): AiSettingsMessageKey => `aiSettings.reason.${reason}`;

/** "who receives it": the endpoint's host, not its full address (paths can be long). */
export function recipientOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

export const NOTICE_KEYS: readonly AiSettingsMessageKey[] = [
  'aiSettings.notice.0',
  'aiSettings.notice.1',
  'aiSettings.notice.2',
  'aiSettings.notice.3',
  'aiSettings.notice.4',
  'aiSettings.notice.5',
];

export type PolicyForm = {
  readonly allowed: boolean;
  readonly baseUrl: string;
  readonly model: string;
  readonly forceRedact: boolean;
};

/** The policy to send, or the key of what is wrong with the form. */
export function policyOf(
  form: PolicyForm,
):
  | { ok: true; value: { allowed: boolean; baseUrl: string | null; model: string | null; forceRedact: boolean } }
  | { ok: false; problem: AiSettingsMessageKey } {
  const baseUrl = form.baseUrl.trim();
  if (baseUrl !== '' && !isHttpUrl(baseUrl)) return { ok: false, problem: 'aiSettings.invalid.baseUrl' };
  const model = form.model.trim();
  return {
    ok: true,
    value: { allowed: form.allowed, baseUrl: baseUrl || null, model: model || null, forceRedact: form.forceRedact },
  };
}
