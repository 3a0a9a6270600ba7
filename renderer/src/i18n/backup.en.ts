/** Settings → Backup. */
export const backupEn = {
  'backup.heading': 'Backup',
  'backup.help':
    'A copy of this desktop’s database: chats, messages, notes and settings. Media files are not included. The newest {kept} backups are kept in {folder}; copy them elsewhere to keep them safe.',
  'backup.create': 'Back up now',
  'backup.creating': 'Backing up…',
  'backup.created': 'Backed up: {messages} messages in {chats} chats.',
  'backup.empty': 'No backup yet.',
  'backup.list': 'Backups',
  'backup.col.date': 'Made',
  'backup.col.size': 'Size',
  'backup.col.messages': 'Messages',
  'backup.col.action': 'Action',
  'backup.size': '{mb} MB',
  'backup.restore': 'Restore…',
  'backup.restore.label': 'Restore the backup made {date}',
  'backup.confirm':
    'Restore the backup made {date}? Everything received or changed since then disappears from this desktop (messages stay on the phone). The database in use now is kept beside it.',
  'backup.confirm.yes': 'Restore at next start',
  'backup.confirm.no': 'Cancel',
  'backup.pending':
    'The backup made {date} will be restored when Blazz Desk next starts. Restart Blazz Desk to finish.',
  'backup.pending.cancel': 'Don’t restore',
  'backup.restored': 'Restored from the backup made {date} on {at}. The database it replaced was kept at {previous}.',
  'backup.problem.corrupt': 'This backup is damaged and cannot be restored.',
  'backup.problem.newer_version': 'This backup was made by a newer version of Blazz Desk. Update the app first.',
  'backup.problem.not_a_backup': 'This file is not a Blazz Desk backup.',
  'backup.problem.not_found': 'This backup no longer exists.',
} as const;

export type BackupMessageKey = keyof typeof backupEn;
