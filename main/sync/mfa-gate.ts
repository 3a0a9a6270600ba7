/**
 * While the workspace requires admins to use two-step sign-in, an admin without it may only
 * enrol: the server refuses every other command and sends no chat (docs/protocol.md,
 * "Two-step sign-in"). The desktop asks once per connect, before registering its numbers or
 * pulling, and the status tells the window to open the enrolment. Confirming makes the
 * server drop the connection; the reconnect asks again and goes on as usual.
 */
import type { WireMfaStatus } from '../../common/protocol-mfa';
import type { Logger } from '../platform/log';

export type MfaGate = {
  /** True when this connection may only enrol (the rest of the connect must not run). */
  check(): Promise<boolean>;
  required(): boolean;
  reset(): void;
};

export function createMfaGate(deps: {
  readonly isAdmin: () => boolean;
  readonly status: () => Promise<WireMfaStatus>;
  readonly log: Pick<Logger, 'warn'>;
}): MfaGate {
  let required = false;
  return {
    async check() {
      // Only admins can be confined: agents and leads skip the round trip.
      if (!deps.isAdmin()) return (required = false);
      try {
        required = (await deps.status()).required;
      } catch (err) {
        // An older server without the policy, or a lost link: the connect goes on, and a
        // refused command says why in its own place.
        deps.log.warn('two-step status unavailable', { err: String(err) });
        required = false;
      }
      return required;
    },
    required: () => required,
    reset() {
      required = false;
    },
  };
}
