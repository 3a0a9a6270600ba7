/**
 * The arguments of the first screen's four commands, checked by hand as strictly as their
 * zod schemas in common/api/inbox.ts check them (the same keys, types, limits, defaults):
 * the core process's first step answers them before zod (~750 kB to evaluate) is loaded
 * (#23). tests/unit/core/first-screen-args.test.ts holds these checks to the schemas.
 */
import { ACCOUNT_ID_PATTERN } from '../../common/id-patterns';
import type { ArgsCheck } from './dispatch';

type Rule = (v: unknown) => string | null;
/** A key's check, and the value it takes when absent (zod's `.default()`). */
type Field = Rule | { readonly check: Rule; readonly fallback: number };
type Shape = Readonly<Record<string, Field>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str =
  (min: number, max: number, pattern?: RegExp): Rule =>
  v =>
    typeof v !== 'string'
      ? 'expected a string'
      : v.length < min || v.length > max
        ? `expected ${min}–${max} characters`
        : pattern && !pattern.test(v)
          ? 'not in the expected format'
          : null;
const bool: Rule = v => (typeof v === 'boolean' ? null : 'expected a boolean');
const nullable =
  (rule: Rule): Rule =>
  v =>
    v === null ? null : rule(v);
const optional =
  (rule: Rule): Rule =>
  v =>
    v === undefined ? null : rule(v);
const arrayOf =
  (max: number, item: Rule): Rule =>
  v => {
    if (!Array.isArray(v)) return 'expected an array';
    if (v.length > max) return `at most ${max} items`;
    for (const x of v as unknown[]) {
      const wrong = item(x);
      if (wrong) return wrong;
    }
    return null;
  };
const oneOf =
  (values: readonly string[]): Rule =>
  v =>
    typeof v === 'string' && values.includes(v) ? null : `expected one of ${values.join(', ')}`;
/** `z.number().int().min(1).max(max).default(fallback)`: undefined becomes the fallback. */
const limit = (max: number, fallback: number): Field => ({
  check: v =>
    v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max)
      ? null
      : `expected a whole number from 1 to ${max}`,
  fallback,
});

const chatId = str(3, 420);
const cursor = optional(nullable(str(0, 600)));

const SHAPES: Readonly<Record<string, Shape>> = {
  'chats:list': {
    accountIds: optional(arrayOf(100, str(0, 64, ACCOUNT_ID_PATTERN))),
    statuses: optional(arrayOf(3, oneOf(['open', 'pending', 'resolved']))),
    assigneeId: optional(nullable(str(1, 200))),
    unreadOnly: optional(bool),
    tag: optional(str(1, 100)),
    archived: optional(bool),
    cursor,
    limit: limit(200, 50),
  },
  'chats:get': { chatId },
  'chats:unreadCounts': {},
  'messages:list': {
    chatId,
    before: cursor,
    after: cursor,
    aroundMessageId: optional(nullable(str(3, 420))),
    limit: limit(200, 50),
  },
};

/** The command's checker, or null when the first step does not answer it. */
export const firstScreenShape = (name: string): Shape | null =>
  Object.prototype.hasOwnProperty.call(SHAPES, name) ? SHAPES[name]! : null;

/** One argument object against a shape: exact keys, each rule, defaults filled in. */
export function checkArgs(shape: Shape, raw: unknown): ArgsCheck {
  if (!isRecord(raw)) return { ok: false, issues: '(argument): expected an object' };
  const extra = Object.keys(raw).filter(k => !Object.prototype.hasOwnProperty.call(shape, k));
  if (extra.length > 0) return { ok: false, issues: `(argument): unexpected keys ${extra.join(', ')}` };
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const present = Object.prototype.hasOwnProperty.call(raw, key);
    const v = present ? raw[key] : undefined;
    const wrong = typeof field === 'function' ? field(v) : field.check(v);
    if (wrong) return { ok: false, issues: `${key}: ${wrong}` };
    if (v === undefined && typeof field !== 'function') value[key] = field.fallback;
    else if (present) value[key] = v;
  }
  return { ok: true, value };
}
