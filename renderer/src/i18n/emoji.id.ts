import type { EmojiMessageKey } from './emoji.en';

/** Bahasa Indonesia strings of the emoji picker. */
export const emojiId: Readonly<Record<EmojiMessageKey, string>> = {
  'emoji.search': 'Cari emoji',
  'emoji.categories': 'Kategori emoji',
  'emoji.results': 'Emoji',
  'emoji.none': 'Tidak ada emoji yang cocok dengan “{query}”.',
  'emoji.cat.smileys': 'Wajah',
  'emoji.cat.gestures': 'Tangan',
  'emoji.cat.hearts': 'Hati dan simbol',
  'emoji.cat.work': 'Pesanan dan pembayaran',
  'emoji.cat.food': 'Makanan dan minuman',
  'emoji.cat.nature': 'Alam',
};
