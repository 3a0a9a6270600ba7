/** English strings of status/tag changes made offline (features/team/PendingChanges). Keys also in offline.id.ts. */
export const offlineEn = {
  'offline.field.status': 'Status',
  'offline.field.tags': 'Tags',
  'offline.waiting': '{field}: {value} — waiting to send',
  'offline.conflict': '{field} was changed meanwhile to {theirs} (the chat is with {who}); yours: {mine}.',
  'offline.refused': '{field}: the workspace refused your change to {mine}.',
  'offline.someone': 'nobody',
  'offline.noTags': 'no tags',
  'offline.applyMine': 'Apply mine',
  'offline.keepTheirs': 'Keep theirs',
  'offline.status.open': 'Open',
  'offline.status.pending': 'Pending',
  'offline.status.resolved': 'Resolved',
} as const;

export type OfflineMessageKey = keyof typeof offlineEn;
