/** English words of `accounts:alerted` codes. Every key must also exist in alerts.id.ts. */
export const alertsEn = {
  'alert.dropped': '{name} lost its WhatsApp connection.',
  'alert.recovered': '{name} is back online.',
  'alert.recoveredAfterSeconds': '{name} is back online after {count} s.',
  'alert.recoveredAfterMinutes': '{name} is back online after {count} min.',
  'alert.gave_up': '{name} needs attention.',
  'alert.gave_upAfterTries': '{name} needs attention: it stopped after {count} failed tries.',
} as const;

export type AlertsMessageKey = keyof typeof alertsEn;
