/** English strings of conversation export (features/export). Every key must also exist in export.id.ts. */
export const exportEn = {
  'export.menu': 'Export conversation',
  'export.html': 'Export as HTML (with media)',
  'export.text': 'Export as plain text',
  'export.working': 'Exporting… {n} messages',
  'export.done': 'Exported {n} messages to {file}.',
  'export.capped': 'Exported the newest {n} messages to {file} (the limit).',
  'export.failed': 'Could not export: {message}',
  'export.title': 'Conversation with {name} on {account}',
  'export.generated': 'Exported {date}',
  'export.you': 'You',
  'export.deleted': 'This message was deleted',
  'export.kind.image': 'Photo',
  'export.kind.video': 'Video',
  'export.kind.audio': 'Audio',
  'export.kind.voice': 'Voice message',
  'export.kind.document': 'Document',
  'export.kind.sticker': 'Sticker',
  'export.kind.location': 'Location',
  'export.kind.contact_card': 'Contact card',
  'export.kind.other': 'Message not shown',
  'export.mediaMissing': '(file not available)',
} as const;

export type ExportMessageKey = keyof typeof exportEn;
