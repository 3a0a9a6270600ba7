/**
 * Names and support-desk phrases of the simulated customers, in the languages our users'
 * customers write in. Accents and non-Latin punctuation are on purpose: they exercise
 * search (diacritics folding) and rendering.
 */

export type Language = 'en' | 'id' | 'es' | 'pt' | 'fr' | 'de' | 'tr' | 'vi';

export type LanguagePack = {
  readonly countryCode: string;
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  readonly customer: readonly string[];
  readonly agent: readonly string[];
  readonly groupNames: readonly string[];
  readonly edits: readonly string[];
};

export const languages: Readonly<Record<Language, LanguagePack>> = {
  en: {
    countryCode: '44',
    firstNames: ['Olivia', 'James', 'Amelia', 'Noah', 'Priya', 'Liam', 'Grace', 'Ethan'],
    lastNames: ['Walker', 'Patel', 'Hughes', "O'Connor", 'Bennett', 'Khan', 'Price', 'Reid'],
    customer: [
      'Hi, my order #{n} still shows as processing. Any update?',
      'Can I change the delivery address for order {n}?',
      'The parcel arrived but one item is missing 😕',
      'Do you ship to Ireland as well?',
      'Thanks! That solved it.',
      'Is the blue one back in stock?',
      'I was charged twice for the same order, can you check?',
      'What time do you open on Saturday?',
    ],
    agent: [
      'Hi! Let me check that for you.',
      'Thanks for waiting, your order is on its way.',
      'I have refunded the duplicate charge.',
      'You are welcome, have a great day!',
    ],
    groupNames: ['Wholesale buyers', 'Store managers', 'Delivery partners'],
    edits: ['Sorry, I meant order #{n}', 'Correction: it is the large size'],
  },
  id: {
    countryCode: '62',
    firstNames: ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Fajar', 'Putri', 'Hendra'],
    lastNames: ['Santoso', 'Wijaya', 'Lestari', 'Saputra', 'Hidayat', 'Kusuma', 'Pratama', 'Nugroho'],
    customer: [
      'Halo kak, pesanan saya #{n} kok belum dikirim ya?',
      'Apakah barang ini masih ready stok?',
      'Bisa COD ke Bandung, kak?',
      'Terima kasih banyak, sudah sampai 🙏',
      'Kak, ongkirnya berapa ke Surabaya?',
      'Saya mau tukar ukuran, bisa?',
      'Pembayaran sudah saya transfer ya kak',
      'Jam berapa toko buka hari Minggu?',
    ],
    agent: [
      'Halo kak, kami cek dulu ya.',
      'Pesanan kakak sudah dikirim hari ini.',
      'Baik kak, sudah kami proses.',
      'Sama-sama kak, terima kasih sudah belanja!',
    ],
    groupNames: ['Reseller Jabodetabek', 'Tim Gudang', 'Grup Promo'],
    edits: ['Maaf kak, maksud saya pesanan #{n}', 'Ralat: ukurannya XL'],
  },
  es: {
    countryCode: '34',
    firstNames: ['Lucía', 'Martín', 'Sofía', 'Álvaro', 'Carmen', 'Iñigo', 'Paula', 'José'],
    lastNames: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Núñez', 'Ibáñez'],
    customer: [
      'Hola, ¿cuándo llega mi pedido #{n}?',
      '¿Tenéis envío a Canarias?',
      'El paquete llegó dañado, ¿qué hago?',
      '¡Muchas gracias por la ayuda!',
      '¿Puedo pagar con tarjeta al recibirlo?',
      'Quisiera cambiar la talla, por favor.',
    ],
    agent: [
      '¡Hola! Lo reviso ahora mismo.',
      'Tu pedido ya está en camino.',
      'Te enviamos uno nuevo sin coste.',
      '¡A ti! Que tengas buen día.',
    ],
    groupNames: ['Distribuidores Madrid', 'Equipo de tiendas'],
    edits: ['Perdón, quería decir el pedido #{n}'],
  },
  pt: {
    countryCode: '55',
    firstNames: ['João', 'Ana', 'Luís', 'Beatriz', 'Conceição', 'Thiago', 'Letícia', 'André'],
    lastNames: ['Silva', 'Araújo', 'Gonçalves', 'Simões', 'Conceição', 'Brandão', 'Moraes', 'Ferreira'],
    customer: [
      'Olá, meu pedido #{n} ainda não chegou.',
      'Vocês entregam em São Paulo amanhã?',
      'Posso trocar a cor? Obrigado!',
      'Recebi, muito obrigada 😊',
      'Qual é o prazo de entrega para Porto Alegre?',
    ],
    agent: ['Olá! Vou verificar para você.', 'Seu pedido já foi enviado.', 'Pronto, já alteramos.'],
    groupNames: ['Revendedores SP', 'Logística'],
    edits: ['Desculpa, o pedido é o #{n}'],
  },
  fr: {
    countryCode: '33',
    firstNames: ['Chloé', 'Théo', 'Léa', 'François', 'Zoé', 'Hélène', 'Noé', 'Gaëlle'],
    lastNames: ['Lefèvre', 'Dupré', 'Bérard', 'Mercier', 'Lemaître', 'Girard', 'Fournier', 'Rousseau'],
    customer: [
      'Bonjour, où en est ma commande n°{n} ?',
      'Est-ce que vous livrez à Montréal ?',
      "J'ai reçu le mauvais article…",
      'Merci beaucoup, c’est réglé !',
      'Puis-je payer en trois fois ?',
    ],
    agent: ['Bonjour ! Je vérifie tout de suite.', 'Votre commande est expédiée.', 'C’est noté, merci.'],
    groupNames: ['Partenaires Lyon', 'Équipe boutique'],
    edits: ['Pardon, la commande n°{n}'],
  },
  de: {
    countryCode: '49',
    firstNames: ['Jürgen', 'Lena', 'Björn', 'Käthe', 'Lukas', 'Jörg', 'Mia', 'Søren'],
    lastNames: ['Müller', 'Schröder', 'Weiß', 'Groß', 'Köhler', 'Becker', 'Fuß', 'Krämer'],
    customer: [
      'Hallo, wann kommt meine Bestellung #{n}?',
      'Kann ich die Lieferadresse noch ändern?',
      'Die Größe passt leider nicht. Umtausch möglich?',
      'Vielen Dank für die schnelle Hilfe!',
    ],
    agent: ['Hallo! Ich schaue kurz nach.', 'Ihre Bestellung ist unterwegs.', 'Gern geschehen!'],
    groupNames: ['Händler Süd'],
    edits: ['Korrektur: Bestellung #{n}'],
  },
  tr: {
    countryCode: '90',
    firstNames: ['Ayşe', 'Mehmet', 'Çağla', 'Oğuz', 'Şule', 'İbrahim', 'Gülşen', 'Ümit'],
    lastNames: ['Yılmaz', 'Öztürk', 'Şahin', 'Çelik', 'Doğan', 'Aydın', 'Güneş', 'Kılıç'],
    customer: [
      'Merhaba, #{n} numaralı siparişim ne zaman gelir?',
      'Kapıda ödeme var mı?',
      'Çok teşekkürler, elime ulaştı!',
    ],
    agent: ['Merhaba! Hemen kontrol ediyorum.', 'Siparişiniz kargoya verildi.'],
    groupNames: ['Bayi Grubu'],
    edits: ['Düzeltme: sipariş #{n}'],
  },
  vi: {
    countryCode: '84',
    firstNames: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Bùi', 'Võ'],
    lastNames: ['Thị Hương', 'Văn Đức', 'Minh Anh', 'Quốc Bảo', 'Thu Trang', 'Hữu Phước', 'Ngọc Lan', 'Gia Huy'],
    customer: [
      'Chào shop, đơn hàng #{n} của mình đến đâu rồi ạ?',
      'Shop có giao hàng tới Đà Nẵng không?',
      'Cảm ơn shop nhiều nha!',
    ],
    agent: ['Chào bạn! Mình kiểm tra ngay ạ.', 'Đơn của bạn đã được gửi đi.'],
    groupNames: ['Cộng tác viên Hà Nội'],
    edits: ['Xin lỗi, đơn #{n} ạ'],
  },
};

/** Weights: most demo customers write in English or Bahasa Indonesia. */
export const languageMix: readonly Language[] = [
  'en',
  'en',
  'en',
  'id',
  'id',
  'id',
  'es',
  'pt',
  'fr',
  'de',
  'tr',
  'vi',
];

export const emojis: readonly string[] = ['👍', '❤️', '😂', '🙏', '😮', '🎉'];
