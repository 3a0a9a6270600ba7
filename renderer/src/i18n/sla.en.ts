/** English strings of the first-response SLA marker and setting. Every key must also exist in sla.id.ts. */
export const slaEn = {
  'sla.dueIn': 'due in {n} min',
  'sla.overdue': 'overdue {n} min',
  'sla.title': 'First reply due {time}',
  'sla.target': 'First-response target (minutes)',
  'sla.target.none': 'No target',
  'sla.target.help':
    'A customer who writes while no reply is pending must get the team’s first reply within this time; chat rows show “due in” and then “overdue”. Automatic messages are no reply. When the number has business hours, only open time counts.',
} as const;

export type SlaMessageKey = keyof typeof slaEn;
