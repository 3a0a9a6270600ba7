/** How a message is named in one line (chat list, notifications, quotes) and group notices. */
export const previewEn = {
  'preview.image': '📷 Photo',
  'preview.video': '🎥 Video',
  'preview.audio': '🎵 Audio',
  'preview.voice': '🎤 Voice message',
  'preview.document': '📄 Document',
  'preview.sticker': 'Sticker',
  'preview.location': '📍 Location',
  'preview.contact_card': '👤 Contact',
  'preview.ciphertext': 'Waiting for this message…',
  'preview.revoked': 'This message was deleted',
  'preview.labelled': '{label}: {text}',
  'notice.someone': 'Someone',
  'notice.someoneLower': 'someone',
  'notice.add': '{by} added {to}',
  'notice.joined': '{to} joined',
  'notice.invite': '{to} joined via an invite link',
  'notice.remove': '{by} removed {to}',
  'notice.leave': '{to} left',
  'notice.promote': '{to} is now an admin',
  'notice.demote': '{to} is no longer an admin',
  'notice.subject': '{by} changed the group name',
  'notice.description': '{by} changed the group description',
  'notice.picture': '{by} changed the group photo',
  'notice.other': 'Group settings changed',
} as const;

export type PreviewMessageKey = keyof typeof previewEn;
