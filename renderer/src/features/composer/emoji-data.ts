/**
 * The picker's emoji with their category and names in English and Bahasa Indonesia; the
 * first words of each name are what a screen reader says, all of them are searched.
 */
export type EmojiCategory = 'smileys' | 'gestures' | 'hearts' | 'work' | 'food' | 'nature';
export type EmojiEntry = {
  readonly char: string;
  readonly category: EmojiCategory;
  readonly en: string;
  readonly id: string;
};

export const EMOJI_CATEGORIES: readonly EmojiCategory[] = ['smileys', 'gestures', 'hearts', 'work', 'food', 'nature'];

const e = (char: string, category: EmojiCategory, en: string, id: string): EmojiEntry => ({ char, category, en, id });

export const EMOJI_DATA: readonly EmojiEntry[] = [
  e('😀', 'smileys', 'grinning face, happy smile', 'wajah menyeringai, senang senyum'),
  e('😊', 'smileys', 'smiling face, happy blush', 'wajah tersenyum, senang malu'),
  e('🙂', 'smileys', 'slight smile, ok', 'senyum tipis, oke'),
  e('😉', 'smileys', 'winking face', 'wajah mengedip'),
  e('😍', 'smileys', 'heart eyes, love', 'mata hati, cinta suka'),
  e('🤩', 'smileys', 'star struck, wow', 'terpesona, wow'),
  e('😂', 'smileys', 'tears of joy, laugh', 'tertawa menangis, ketawa lucu'),
  e('🤣', 'smileys', 'rolling on the floor laughing', 'tertawa terguling, ngakak'),
  e('😅', 'smileys', 'grinning with sweat, relief', 'senyum berkeringat, lega'),
  e('😇', 'smileys', 'smiling with halo, innocent', 'tersenyum dengan lingkaran, polos'),
  e('🤔', 'smileys', 'thinking face, hmm', 'wajah berpikir, hmm'),
  e('😐', 'smileys', 'neutral face', 'wajah datar'),
  e('😔', 'smileys', 'pensive face, sad', 'wajah murung, sedih'),
  e('😢', 'smileys', 'crying face, sad tear', 'wajah menangis, sedih air mata'),
  e('😭', 'smileys', 'loudly crying', 'menangis keras'),
  e('😡', 'smileys', 'angry face, mad', 'wajah marah, kesal'),
  e('😱', 'smileys', 'screaming in fear, shock', 'menjerit ketakutan, kaget'),
  e('😴', 'smileys', 'sleeping face, tired', 'wajah tidur, ngantuk capek'),
  e('🥳', 'smileys', 'party face, celebrate', 'wajah pesta, rayakan'),
  e('😎', 'smileys', 'cool sunglasses', 'keren kacamata hitam'),
  e('🥺', 'smileys', 'pleading face, please', 'wajah memohon, tolong'),
  e('😬', 'smileys', 'grimacing face, awkward', 'wajah meringis, canggung'),
  e('🙄', 'smileys', 'rolling eyes', 'memutar mata'),
  e('🤗', 'smileys', 'hugging face, hug', 'wajah memeluk, peluk'),
  e('🙏', 'gestures', 'folded hands, please thank you', 'tangan terkatup, tolong terima kasih'),
  e('👍', 'gestures', 'thumbs up, ok yes', 'jempol ke atas, oke ya setuju'),
  e('👎', 'gestures', 'thumbs down, no', 'jempol ke bawah, tidak'),
  e('👏', 'gestures', 'clapping hands, applause', 'tepuk tangan'),
  e('🙌', 'gestures', 'raising hands, hooray', 'angkat tangan, hore'),
  e('👋', 'gestures', 'waving hand, hello bye', 'lambaian tangan, halo dadah'),
  e('💪', 'gestures', 'flexed biceps, strong', 'lengan berotot, kuat semangat'),
  e('🤝', 'gestures', 'handshake, deal', 'jabat tangan, sepakat'),
  e('✌️', 'gestures', 'victory hand, peace', 'tangan kemenangan, damai'),
  e('👌', 'gestures', 'ok hand, perfect', 'tangan oke, sempurna'),
  e('👉', 'gestures', 'pointing right', 'menunjuk kanan'),
  e('👀', 'gestures', 'eyes, look', 'mata, lihat'),
  e('🤞', 'gestures', 'crossed fingers, hope luck', 'jari bersilang, harap semoga'),
  e('❤️', 'hearts', 'red heart, love', 'hati merah, cinta sayang'),
  e('💚', 'hearts', 'green heart', 'hati hijau'),
  e('💙', 'hearts', 'blue heart', 'hati biru'),
  e('💛', 'hearts', 'yellow heart', 'hati kuning'),
  e('🧡', 'hearts', 'orange heart', 'hati oranye'),
  e('💜', 'hearts', 'purple heart', 'hati ungu'),
  e('💯', 'hearts', 'hundred points, perfect', 'seratus poin, sempurna'),
  e('🎉', 'hearts', 'party popper, congratulations', 'terompet pesta, selamat'),
  e('✨', 'hearts', 'sparkles, new', 'berkilau, baru'),
  e('🔥', 'hearts', 'fire, hot', 'api, panas'),
  e('⭐', 'hearts', 'star, rating', 'bintang, penilaian'),
  e('✅', 'hearts', 'check mark, done', 'tanda centang, selesai'),
  e('❌', 'hearts', 'cross mark, cancel', 'tanda silang, batal'),
  e('⚠️', 'hearts', 'warning', 'peringatan'),
  e('❓', 'hearts', 'question mark', 'tanda tanya'),
  e('📦', 'work', 'package, parcel order', 'paket, kiriman pesanan'),
  e('🚚', 'work', 'delivery truck, shipping', 'truk pengiriman, kirim'),
  e('🛵', 'work', 'motor scooter, courier', 'motor, kurir ojek'),
  e('💳', 'work', 'credit card, payment', 'kartu kredit, pembayaran bayar'),
  e('💰', 'work', 'money bag, price', 'kantong uang, harga'),
  e('🧾', 'work', 'receipt, invoice', 'struk, tagihan faktur'),
  e('📞', 'work', 'telephone, call', 'telepon, panggilan'),
  e('📧', 'work', 'email', 'surel email'),
  e('⏰', 'work', 'alarm clock, time', 'jam alarm, waktu'),
  e('📍', 'work', 'pin, location address', 'pin, lokasi alamat'),
  e('🎁', 'work', 'gift, present promo', 'hadiah, kado promo'),
  e('🛒', 'work', 'shopping cart, buy', 'keranjang belanja, beli'),
  e('🏷️', 'work', 'label, tag discount', 'label, diskon'),
  e('📷', 'work', 'camera, photo', 'kamera, foto'),
  e('📝', 'work', 'memo, note', 'memo, catatan'),
  e('🔒', 'work', 'lock, secure', 'gembok, aman'),
  e('☕', 'food', 'hot coffee', 'kopi panas'),
  e('🍵', 'food', 'tea', 'teh'),
  e('🍚', 'food', 'cooked rice', 'nasi'),
  e('🍜', 'food', 'noodles', 'mi bakmi'),
  e('🍰', 'food', 'cake', 'kue'),
  e('🍕', 'food', 'pizza', 'piza'),
  e('🍎', 'food', 'apple, fruit', 'apel, buah'),
  e('🥤', 'food', 'cup with straw, drink', 'gelas sedotan, minuman'),
  e('🌞', 'nature', 'sun, good morning', 'matahari, selamat pagi'),
  e('🌙', 'nature', 'moon, good night', 'bulan, selamat malam'),
  e('🌧️', 'nature', 'rain', 'hujan'),
  e('🌈', 'nature', 'rainbow', 'pelangi'),
  e('🌸', 'nature', 'cherry blossom, flower', 'bunga sakura, bunga'),
  e('🐱', 'nature', 'cat', 'kucing'),
  e('🐶', 'nature', 'dog', 'anjing'),
];

/** The emoji whose English or Indonesian names contain every word typed (case-insensitive). */
export function searchEmoji(query: string): readonly EmojiEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return EMOJI_DATA;
  return EMOJI_DATA.filter(x => {
    const names = `${x.en} ${x.id}`.toLowerCase();
    return words.every(w => names.includes(w));
  });
}

/** What a screen reader says for an emoji: its name before the first comma. */
export const emojiName = (x: EmojiEntry, language: 'en' | 'id'): string =>
  (language === 'id' ? x.id : x.en).split(',')[0] ?? x.char;
