/**
 * A deterministic synthetic workspace: accounts, chats and a time-ordered message history
 * with Zipf-distributed words (English-ish syllable words, Indonesian and accented words).
 * Generated chunk by chunk from a seed, so two passes yield exactly the same rows.
 */
import type { AccountId } from '../../common/domain';
import { asAccountId } from '../../common/domain';
import type { ChatInput, MessageInput } from '../../common/ingest';
import { mulberry32 } from '../../common/seeded-random';

export type Sizes = { readonly accounts: number; readonly chats: number; readonly messages: number };

const INDONESIAN = [
  'pesanan',
  'terima',
  'kasih',
  'tolong',
  'pengiriman',
  'pembayaran',
  'barang',
  'sudah',
  'belum',
  'kapan',
  'bisa',
  'tidak',
  'harga',
  'ongkir',
  'alamat',
  'rekening',
  'transfer',
  'selamat',
  'pagi',
  'siang',
  'malam',
  'mohon',
  'maaf',
  'ditunggu',
  'kirim',
  'resi',
  'paket',
  'sampai',
  'rusak',
  'tukar',
  'garansi',
  'diskon',
];
const ACCENTED = [
  'café',
  'crème',
  'brûlée',
  'naïve',
  'résumé',
  'São',
  'Paulo',
  'façade',
  'jalapeño',
  'Müller',
  'señor',
  'été',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'tu',
  'sen',
  'da',
  'pe',
  'ri',
  'no',
  'ba',
  'gu',
  'hal',
  'te',
  'su',
  'wan',
  'ji',
  'ko',
  'mar',
  'li',
];

/** `size` distinct words; rank 0 is the most common. Real words are spread through the ranks. */
export function vocabulary(size: number, rnd: () => number): string[] {
  const words = new Set<string>();
  const special = [...INDONESIAN, ...ACCENTED];
  special.forEach((w, i) => words.add(i % 2 === 0 ? w : w.toLowerCase()));
  while (words.size < size) {
    const n = 2 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    words.add(w);
  }
  const list = [...words];
  // Shuffle so the Indonesian/accented words land at ranks from common to rare.
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j] as string, list[i] as string];
  }
  return list;
}

/** Sampler of ranks 0..n-1 with P(r) ∝ 1/(r+1)^s. */
export function zipf(n: number, s: number, rnd: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += 1 / Math.pow(r + 1, s);
    cdf[r] = sum;
  }
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const FIRST = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Rina',
  'Andi',
  'Putri',
  'Joko',
  'Maria',
  'José',
  'Zoë',
  'Chloé',
  'Ahmad',
  'Nur',
  'Wati',
];
const LAST = ['Santoso', 'Wijaya', 'Pratama', 'Lestari', 'Hidayat', 'García', 'Müller', 'Kusuma', 'Saputra', 'Halim'];

export const HISTORY_START = Date.UTC(2025, 0, 1);

export type Workspace = {
  readonly accountIds: AccountId[];
  readonly chats: ChatInput[];
  readonly vocab: string[];
  /** Yields the message history in time order, `chunk` messages at a time. */
  messageChunks(chunk: number): Generator<MessageInput[]>;
};

export function workspace(sizes: Sizes, seed = 42): Workspace {
  const rnd = mulberry32(seed);
  const accountIds = Array.from({ length: sizes.accounts }, (_, i) =>
    asAccountId(`acct-${String(i).padStart(2, '0')}`),
  );
  const chats: ChatInput[] = Array.from({ length: sizes.chats }, (_, i) => {
    const isGroup = i % 25 === 0;
    const name = isGroup
      ? `Grup ${LAST[i % LAST.length]} ${i}`
      : `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`;
    return {
      accountId: accountIds[i % sizes.accounts] as string,
      jid: isGroup ? `1203630${String(i).padStart(8, '0')}@g.us` : `628${String(1_000_000_00 + i)}@c.us`,
      isGroup,
      name,
      timestamp: HISTORY_START,
    };
  });
  const vocab = vocabulary(20_000, rnd);
  return {
    accountIds,
    chats,
    vocab,
    *messageChunks(chunk) {
      const r = mulberry32(seed + 1);
      const word = zipf(vocab.length, 1.07, r);
      const chatRank = zipf(sizes.chats, 0.8, r);
      // Spread the history over a year, in time order.
      const step = Math.max(1, Math.floor((365 * 86_400_000) / sizes.messages));
      let out: MessageInput[] = [];
      for (let i = 0; i < sizes.messages; i++) {
        const chat = chats[chatRank()] as ChatInput;
        const n = 4 + Math.floor(r() * 17);
        const words: string[] = [];
        for (let k = 0; k < n; k++) words.push(vocab[word()] as string);
        const text = words.join(' ');
        const media = r() < 0.1;
        const fromMe = r() < 0.4;
        out.push({
          accountId: chat.accountId,
          chatJid: chat.jid,
          providerMessageId: `3EB0${i.toString(16).toUpperCase().padStart(16, '0')}`,
          fromMe,
          author: chat.isGroup && !fromMe ? `628${String(2_000_000_00 + (i % 5000))}@c.us` : null,
          authorName: null,
          type: media ? 'image' : 'text',
          body: media ? null : text,
          caption: media ? text : null,
          media: media
            ? {
                mimeType: 'image/jpeg',
                fileName: null,
                size: 50_000 + (i % 100_000),
                sha256: null,
                localPath: null,
                width: 1280,
                height: 960,
                durationS: null,
                thumbnail: null,
              }
            : null,
          location: null,
          vcard: null,
          quotedProviderMessageId: null,
          timestamp: HISTORY_START + i * step + Math.floor(r() * step),
          ack: fromMe ? 'read' : 'sent',
          edited: false,
          revoked: false,
          clientMessageId: null,
        });
        if (out.length === chunk) {
          yield out;
          out = [];
        }
      }
      if (out.length > 0) yield out;
    },
  };
}
