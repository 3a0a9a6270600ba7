import type { ChatActionsMessageKey } from './chat-actions.en';

/** Bahasa Indonesia strings of chat actions (features/chat-actions). */
export const chatActionsId: Record<ChatActionsMessageKey, string> = {
  'chatActions.menu': 'Tindakan untuk {name}',
  'chatActions.open': 'Tindakan chat',
  'chatActions.markUnread': 'Tandai belum dibaca',
  'chatActions.markRead': 'Tandai sudah dibaca',
  'chatActions.pin': 'Sematkan di atas',
  'chatActions.unpin': 'Lepas sematan',
  'chatActions.archive': 'Arsipkan',
  'chatActions.unarchive': 'Batal arsipkan',
  'chatActions.mute': 'Bisukan notifikasi',
  'chatActions.unmute': 'Bunyikan notifikasi',
  'chatActions.pinned': 'Disematkan',
  'chatActions.muted': 'Dibisukan',
  'chatActions.archivedView': 'Diarsipkan',
  'chatActions.archivedEmpty': 'Tidak ada chat yang diarsipkan.',
  'chatActions.assignedTo': 'Ditugaskan ke {name}',
  'chatActions.assignedToSomeone': 'Ditugaskan ke rekan tim',
  'chatActions.block': 'Blokir kontak…',
  'chatActions.unblock': 'Buka blokir kontak',
  'chatActions.blocked': 'Diblokir',
  'chatActions.block.title': 'Blokir {name}?',
  'chatActions.block.confirm': 'Blokir',
  'chatActions.block.body':
    '{name} tidak akan bisa lagi menelepon atau mengirim pesan ke nomor ini di WhatsApp. Chat dan pesannya tetap ada di sini. Anda bisa membuka blokir dari menu yang sama.',
  'chatActions.failed': 'Chat tidak dapat diubah: {message}',
};
