import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { createPushQueue } from '../../../main/sync/push';

/** A push queue that is never connected: tests read what it queued, nothing is sent. */
export function offlinePushQueue(store: Store) {
  return createPushQueue({
    store,
    push: async () => null,
    isConnected: () => false,
    signedIn: () => false,
    log: silentLogger,
    onPassDone: () => undefined,
  });
}
