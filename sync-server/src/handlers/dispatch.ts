/**
 * Registers every command on a socket: refuses oversized or malformed payloads before any
 * work, loads the caller fresh, runs the handler and always answers with a Reply. A
 * handler error never reaches Socket.IO as an exception.
 */
import { COMMAND_NAMES, COMMAND_SCHEMAS } from '../../../common/protocol';
import type { CommandArgs, CommandName, CommandResult } from '../../../common/protocol';
import { MFA_ENROLMENT_COMMANDS } from '../../../common/protocol-mfa';
import { CommandError, fail, ok } from '../../../common/result';
import type { Reply } from '../../../common/result';
import type { Caller, Services, SyncSocket } from './context';
import { loadCaller } from './context';
import type { EarlyTx } from '../db/index';
import { accountsHostedBy } from '../db/repositories/workspace';
import { pushLaps } from './push-laps';
import { jsonSize } from './json-size';

export type Handler<K extends CommandName> = (caller: Caller, args: CommandArgs<K>) => Promise<CommandResult<K>>;
export type HandlerTable = { [K in CommandName]: Handler<K> };

const KNOWN = new Set<string>(COMMAND_NAMES);

async function runCommand<K extends CommandName>(
  services: Services,
  handlers: HandlerTable,
  socket: SyncSocket,
  name: K,
  payload: unknown,
): Promise<Reply<CommandResult<K>>> {
  // Taken before any await: a device's pushes are applied in the order they arrived.
  const pushTurn = name === 'sync:push' ? services.pushOrder.reserve(socket.data.sessionId) : undefined;
  const laps = pushTurn ? pushLaps(services.metrics.pushPartSeconds) : undefined;
  let pushHosted: Promise<ReadonlySet<string>> | undefined;
  let pushTx: EarlyTx | undefined;
  try {
    const max = name === 'sync:push' ? services.limits.maxPushChars : services.limits.maxCommandChars;
    if (jsonSize(payload, max) > max) return fail('payload_too_large', `${name} payload exceeds ${max} characters`);
    // The caller's reads (read-only) run while the payload is parsed; a refused payload just drops them.
    const loading = loadCaller(services.database.raw, socket.data, socket, services.sessionPolicy);
    loading.catch(() => undefined);
    // A push's hosting read and its transaction's START need nothing from the payload: they
    // go out beside the caller's reads rather than one after another behind them.
    if (pushTurn) {
      pushHosted = accountsHostedBy(services.db, socket.data.sessionId).then(ids => new Set(ids));
      pushHosted.catch(() => undefined);
      pushTx = services.database.openEarly();
    }
    const parsed = COMMAND_SCHEMAS[name].safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 5)
        .map(i => ({ path: i.path.map(String).join('.'), message: i.message }));
      return fail('invalid_args', `invalid ${name} payload`, { issues });
    }
    const caller = await loading;
    if (caller.mfaEnrolmentRequired && !MFA_ENROLMENT_COMMANDS.has(name))
      return fail('forbidden', 'this workspace requires admins to set up two-step sign-in first', {
        reason: 'mfa_enrolment_required',
      });
    const handler = handlers[name] as Handler<K>;
    const forPush = pushTurn && laps && pushHosted ? { pushTurn, pushLaps: laps, pushHosted } : undefined;
    return ok(
      await handler(
        forPush ? { ...caller, ...forPush, ...(pushTx ? { pushTx } : {}) } : caller,
        parsed.data as CommandArgs<K>,
      ),
    );
  } finally {
    // Refused before its work began (or the handler never took its turn): the next push may go,
    // and a transaction begun for it is given back.
    pushTurn?.release();
    pushTx?.drop();
  }
}

export function registerCommands(services: Services, handlers: HandlerTable, socket: SyncSocket): void {
  for (const name of COMMAND_NAMES) {
    (socket.on as (ev: string, fn: (...args: unknown[]) => void) => void)(name, (...args: unknown[]) => {
      const ack = args[args.length - 1];
      // A command without an ack cannot be answered; drop it rather than act unseen.
      if (typeof ack !== 'function') return;
      const payload = args.length > 1 ? args[0] : undefined;
      const started = process.hrtime.bigint();
      runCommand(services, handlers, socket, name, payload)
        .catch((err: unknown): Reply<never> => {
          if (err instanceof CommandError) return fail(err.code, err.message, err.details);
          services.log.error({ err, command: name, memberId: socket.data.memberId }, 'command failed');
          return fail('internal', 'the server could not complete this command');
        })
        .then(reply => {
          services.metrics.commands.inc({ command: name, outcome: reply.ok ? 'ok' : reply.error.code });
          services.metrics.commandSeconds.observe({ command: name }, Number(process.hrtime.bigint() - started) / 1e9);
          if (!reply.ok && reply.error.code === 'unauthenticated') {
            (ack as (r: unknown) => void)(reply);
            socket.disconnect(true);
            return;
          }
          (ack as (r: unknown) => void)(reply);
        });
    });
  }
  socket.onAny((event: string, ...args: unknown[]) => {
    if (KNOWN.has(event)) return;
    const ack = args[args.length - 1];
    services.metrics.commands.inc({ command: 'unknown', outcome: 'unknown_command' });
    if (typeof ack === 'function')
      (ack as (r: unknown) => void)(fail('unknown_command', `unknown command '${event.slice(0, 60)}'`));
  });
}
