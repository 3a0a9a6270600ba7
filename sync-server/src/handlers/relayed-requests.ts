/**
 * The handlers' side that every request relayed to a number's host shares (reactions,
 * edits and deletes; docs/protocol.md): a retry answered from the stored row, without
 * revealing someone else's; the host's report checked and settled, the first one winning;
 * and what still waits listed for the host, or offered to it again when it reconnects.
 * Each domain's handlers keep their own checks, their own path (a Cloud number's reaction
 * goes through Graph) and whom they tell once a request is settled.
 */
import { CommandError } from '../../../common/result';
import type { RelayedOutcome, RelayedRequests } from '../db/repositories/relayed-requests';
import { accountById, accountsHostedBy } from '../db/repositories/workspace';
import type { Caller, Services } from './context';

/** What the shared steps read of a stored request. */
type StoredRequest = { readonly senderId: string; readonly accountId: string };

export type RelayedKind<Row extends StoredRequest, Wire> = {
  readonly requests: RelayedRequests<Row>;
  readonly wire: (r: Row) => Wire;
  /** The word the refusals use: `no such change`, `no such reaction`. */
  readonly noun: string;
  /** Sends one to the host device's sockets (its `…:requested` event). */
  readonly offer: (services: Services, hostSessionId: string, request: Wire) => void;
};

export type RelayedSteps<Row extends StoredRequest, Wire> = {
  /** The stored request, answered again to a retry; someone else's id is not revealed. */
  retried(stored: Row, caller: Caller): Wire;
  /** The host's report: only the number's host may report; `first` is false when it was settled already. */
  report(
    services: Services,
    caller: Caller,
    id: string,
    outcome: RelayedOutcome,
  ): Promise<{ first: boolean; after: Row }>;
  /** The requests waiting for this host device. */
  pending(services: Services, hostSessionId: string): Promise<Wire[]>;
  /** The host's requests still waiting, sent to it again (it reconnected). */
  offerPending(services: Services, hostSessionId: string): Promise<void>;
};

export function relayedSteps<Row extends StoredRequest, Wire>(kind: RelayedKind<Row, Wire>): RelayedSteps<Row, Wire> {
  const { requests, wire, noun } = kind;
  const waiting = async (services: Services, hostSessionId: string) =>
    requests.queued(services.db, await accountsHostedBy(services.db, hostSessionId));
  return {
    retried(stored, caller) {
      if (stored.senderId !== caller.memberId)
        throw new CommandError('conflict', `this client ${noun} id is already used`);
      return wire(stored);
    },
    async report({ db }, caller, id, outcome) {
      const current = await requests.byId(db, id);
      if (!current) throw new CommandError('not_found', `no such ${noun}`);
      const account = await accountById(db, current.accountId);
      if (!account || account.hostDeviceId !== caller.sessionId)
        throw new CommandError('forbidden', `only the host device reports ${noun}s`);
      const first = await requests.settle(db, id, outcome, Date.now());
      const after = await requests.byId(db, id);
      if (!after) throw new CommandError('internal', `${noun} vanished`);
      return { first, after };
    },
    pending: async (services, hostSessionId) => (await waiting(services, hostSessionId)).map(wire),
    async offerPending(services, hostSessionId) {
      for (const r of await waiting(services, hostSessionId)) kind.offer(services, hostSessionId, wire(r));
    },
  };
}
