import type { HistoryMessageKey } from './history.en';

/** Bahasa Indonesia strings of older history from the phone. */
export const historyId: Record<HistoryMessageKey, string> = {
  'history.loading': 'Memuat pesan lama…',
  'history.start': 'Ini awal percakapan',
  'history.limit': 'Pesan yang lebih lama tetap ada di ponsel',
  'history.offline': 'Pesan lama tidak dapat dimuat: {account} tidak terhubung.',
  'history.failed': 'Pesan lama tidak dapat dimuat dari ponsel.',
  'history.retry': 'Coba lagi',
};
