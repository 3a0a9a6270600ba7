import type { AiSettings } from '../../common/api/ai';
import { aiSettingsSchema } from '../../common/api/ai';

// Off, redacting and modest until someone decides otherwise.
export const defaultAiSettings: AiSettings = {
  enabled: false,
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  redact: true,
  dailyBudget: 500,
  timeoutMs: 15_000,
};

/** Stored settings, or the defaults when missing or unreadable (a bad row must not enable AI). */
export function readSettings(stored: unknown): AiSettings {
  if (stored === null || stored === undefined) return defaultAiSettings;
  const parsed = aiSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultAiSettings;
}

/** Budgets reset at midnight UTC so every device of a workspace agrees on "today". */
export const dayOf = (now: number): string => new Date(now).toISOString().slice(0, 10);
