import type { TrayMessageKey } from './tray.en';

/** Bahasa Indonesia: menu dan keterangan ikon baki aplikasi desktop. */
export const trayId: Readonly<Record<TrayMessageKey, string>> = {
  'tray.show': 'Tampilkan Blazz Desk',
  'tray.pauseNotifications': 'Jeda notifikasi',
  'tray.quit': 'Keluar',
  'tray.unread': 'Blazz Desk — {count} belum dibaca',
};
