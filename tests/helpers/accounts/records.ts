/**
 * A stored whatsapp-web.js number as the registry keeps it: every field at its default, so a
 * test states only what it is about.
 */
import type { AccountRecord } from '../../../main/accounts/ports';

export const webjsRecord = (id: string, patch: Partial<AccountRecord> = {}): AccountRecord => ({
  id,
  provider: 'webjs',
  name: 'Real',
  color: '#25d366',
  phone: null,
  muted: false,
  createdAt: 1,
  lastState: 'stopped',
  lastStateReason: null,
  lastStateCode: null,
  browserPath: null,
  pairingPhone: null,
  seed: null,
  lastDowntimeMs: null,
  simulatorPace: null,
  readReceipts: true,
  ...patch,
});
