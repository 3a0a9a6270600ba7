/**
 * The core process's `--config <json>`, checked by hand as strictly as config.ts's schema
 * (the same keys, types and limits), so the process opens its store before zod loads
 * (#23). tests/unit/core-process/config-args.test.ts holds this check to the schema.
 */
import type { CoreProcessConfig } from './config';

export type ParsedConfig =
  { readonly ok: true; readonly value: CoreProcessConfig } | { readonly ok: false; readonly error: string };

type Obj = Record<string, unknown>;
type Rule = (v: unknown) => string | null;

const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str =
  (min: number, max: number): Rule =>
  v =>
    typeof v === 'string' && v.length >= min && v.length <= max ? null : `expected ${min}–${max} characters`;
const int =
  (min: number, max: number): Rule =>
  v =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? null : `expected ${min}–${max}`;

/** Keys a strict object may have, each with its rule; absent keys are allowed (all optional but dataDir). */
function strictObject(
  v: unknown,
  rules: Readonly<Record<string, Rule>>,
  required: readonly string[] = [],
): string | null {
  if (!isRecord(v)) return 'expected an object';
  for (const key of Object.keys(v)) {
    const rule = Object.prototype.hasOwnProperty.call(rules, key) ? rules[key] : undefined;
    if (!rule) return `unexpected key ${key}`;
    const wrong = v[key] === undefined && !required.includes(key) ? null : rule(v[key]);
    if (wrong) return `${key}: ${wrong}`;
  }
  const missing = required.find(k => !Object.prototype.hasOwnProperty.call(v, k));
  return missing ? `${missing}: required` : null;
}

const accountEnv: Rule = v => {
  if (!isRecord(v) || Object.getPrototypeOf(v) !== Object.prototype) return 'expected an object';
  for (const [key, value] of Object.entries(v)) {
    if (key.length > 100) return 'a name is too long';
    const wrong = str(0, 4096)(value);
    if (wrong) return `${key}: ${wrong}`;
  }
  return null;
};

const simulator: Rule = v =>
  strictObject(v, {
    chats: int(1, 500),
    chatterIntervalMs: int(0, 3_600_000),
    qrScanDelayMs: int(0, 600_000),
    history: int(0, 1_000_000),
  });

const CONFIG_RULES: Readonly<Record<string, Rule>> = {
  dataDir: str(1, 4096),
  nativeBinding: str(1, 4096),
  accountEnv,
  shell: v => (v === 'electron' || v === 'headless' ? null : 'expected electron or headless'),
  simulator,
  liveTrace: str(1, 4096),
};

export function parseCoreProcessArgs(argv: readonly string[]): ParsedConfig {
  const at = argv.indexOf('--config');
  const raw = at >= 0 ? argv[at + 1] : undefined;
  if (raw === undefined) return { ok: false, error: 'missing --config <json>' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: '--config is not JSON' };
  }
  const wrong = strictObject(json, CONFIG_RULES, ['dataDir']);
  // Checked above, key by key, to the schema's shape: what JSON gave is that shape.
  return wrong === null ? { ok: true, value: json as CoreProcessConfig } : { ok: false, error: `--config: ${wrong}` };
}
