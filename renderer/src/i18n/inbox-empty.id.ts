import type { InboxEmptyMessageKey } from './inbox-empty.en';

/** Bahasa Indonesia strings of the inbox's empty states and queue filters (features/inbox). */
export const inboxEmptyId: Record<InboxEmptyMessageKey, string> = {
  'inboxEmpty.noAccounts': 'Belum ada nomor WhatsApp. Tambahkan satu (atau coba demo): chatnya muncul di sini.',
  'inboxEmpty.noChats': 'Belum ada chat. Percakapan muncul di sini begitu pelanggan menulis.',
  'inboxEmpty.allRead': 'Semua sudah dibaca: tidak ada chat dengan pesan belum dibaca.',
  'inboxEmpty.noMatch': 'Tidak ada chat yang cocok dengan filter ini.',
  'inboxEmpty.clear': 'Tampilkan semua chat',
};
