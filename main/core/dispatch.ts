/**
 * The dispatch logic over any table of command specs, without importing the full command
 * table: the core process's first-screen answers (first-screen.ts) load only the inbox's
 * schemas, not every domain's (#23). router.ts applies it to the whole table.
 */
import type { CommandMap } from '../../common/api/define';
import type { Reply } from '../../common/result';
import { CommandError, MAX_PAYLOAD_BYTES, fail, ok } from '../../common/result';

/** Who is calling: lets handlers log and, later, scope what a caller may do. */
export type CallContext = {
  readonly transport: 'electron' | 'host' | 'internal';
  /** A short label of the connection (socket id, webContents id) for logs. */
  readonly caller?: string;
};

export type Dispatch = (name: unknown, rawArgs: unknown, ctx: CallContext) => Promise<Reply<unknown>>;

export type DispatchOptions = {
  /** Called for failures that are our fault (not bad input), so they reach the log. */
  readonly onInternalError?: (name: string, err: unknown) => void;
};

/** A handler seen without its command's types (the caller's table checked them). */
export type UntypedHandler = (args: unknown, ctx: CallContext) => unknown;

/** Bytes of the argument as JSON, or null when it cannot be serialized at all. */
function payloadBytes(value: unknown): number | null {
  try {
    const json = JSON.stringify(value ?? null);
    return Buffer.byteLength(json, 'utf8');
  } catch {
    return null;
  }
}

/** An argument checked: the handler's input, or what was wrong with it (for the reply's message). */
export type ArgsCheck =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: string };

/**
 * The single entry point both bridges call. It never throws: unknown names, oversized or
 * malformed arguments and handler failures all come back as `{ ok: false, error }`.
 */
export function dispatchOver(
  specs: CommandMap,
  handlerOf: (name: string) => UntypedHandler,
  options: DispatchOptions = {},
): Dispatch {
  return dispatchChecked(
    name => (Object.prototype.hasOwnProperty.call(specs, name) ? specs[name]! : null),
    (spec, raw) => {
      const parsed = spec.args.safeParse(raw);
      if (parsed.success) return { ok: true, value: parsed.data };
      const issues = parsed.error.issues
        .slice(0, 5)
        .map(i => `${i.path.join('.') || '(argument)'}: ${i.message}`)
        .join('; ');
      return { ok: false, issues };
    },
    handlerOf,
    options,
  );
}

/**
 * The same dispatch over any way of checking arguments: the core process's first step
 * checks its four commands' arguments by hand, as strictly as their zod schemas (#23).
 * `commandOf` is null for a name that is not a command.
 */
export function dispatchChecked<C>(
  commandOf: (name: string) => C | null,
  check: (command: C, raw: unknown) => ArgsCheck,
  handlerOf: (name: string) => UntypedHandler,
  options: DispatchOptions = {},
): Dispatch {
  return async (name, rawArgs, ctx) => {
    const command = typeof name === 'string' ? commandOf(name) : null;
    if (typeof name !== 'string' || command === null) {
      return fail('unknown_command', `Unknown command: ${String(name).slice(0, 80)}`);
    }
    const bytes = payloadBytes(rawArgs);
    if (bytes === null) return fail('invalid_args', `${name}: the argument is not serializable`);
    if (bytes > MAX_PAYLOAD_BYTES) {
      return fail('payload_too_large', `${name}: argument is ${bytes} bytes, the limit is ${MAX_PAYLOAD_BYTES}`);
    }
    const parsed = check(command, rawArgs ?? {});
    if (!parsed.ok) return fail('invalid_args', `${name}: ${parsed.issues}`);
    try {
      return ok(await handlerOf(name)(parsed.value, ctx));
    } catch (err) {
      if (err instanceof CommandError) return fail(err.code, err.message, err.details);
      options.onInternalError?.(name, err);
      return fail('internal', `${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
