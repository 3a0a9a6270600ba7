import type { AlertsMessageKey } from './alerts.en';

/** Bahasa Indonesia words of `accounts:alerted` codes. */
export const alertsId: Record<AlertsMessageKey, string> = {
  'alert.dropped': '{name} kehilangan koneksi WhatsApp.',
  'alert.recovered': '{name} kembali online.',
  'alert.recoveredAfterSeconds': '{name} kembali online setelah {count} dtk.',
  'alert.recoveredAfterMinutes': '{name} kembali online setelah {count} mnt.',
  'alert.gave_up': '{name} perlu diperiksa.',
  'alert.gave_upAfterTries': '{name} perlu diperiksa: berhenti setelah {count} kali gagal.',
};
