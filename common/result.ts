/**
 * Errors cross every process boundary as data, never as exceptions: the Electron IPC
 * bridge, the headless host's Socket.IO bridge and the workspace server's acks all answer
 * with a `Reply`.
 */
export type ErrorCode =
  | 'unknown_command'
  | 'invalid_args'
  | 'payload_too_large'
  | 'forbidden'
  | 'unauthenticated'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  /** Past the time WhatsApp allows (editing or deleting a sent message). */
  | 'too_late'
  /** The number's provider cannot do this at all (a Cloud API number editing a sent message). */
  | 'unsupported'
  /** The customer is known only by a privacy id (@lid): another number cannot reach them. */
  | 'lid_only'
  | 'internal';

export type ReplyError = {
  readonly code: ErrorCode;
  readonly message: string;
  /** Machine-readable context, e.g. the current state of a chat after a conflict. */
  readonly details?: unknown;
};

export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ReplyError };

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, details?: unknown): Reply<never> =>
  details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };

/** Thrown inside handlers to end a command with a specific error code; dispatch turns it into a Reply. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** Largest serialized argument a bridge accepts (bytes of JSON). Media travels by path or HTTP. */
export const MAX_PAYLOAD_BYTES = 1_000_000;
