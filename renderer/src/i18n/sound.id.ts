import type { SoundMessageKey } from './sound.en';

/** Bahasa Indonesia: bunyi pesan baru dan jam tenang. */
export const soundId: Readonly<Record<SoundMessageKey, string>> = {
  'sound.enabled': 'Bunyikan suara untuk pesan baru',
  'sound.help':
    'Bunyi singkat, bahkan saat notifikasi desktop mati. Chat dan nomor yang dibisukan tidak pernah berbunyi.',
  'sound.perNumber': 'Suara untuk tiap nomor',
  'sound.number': 'Suara untuk {name}',
  'sound.quiet': 'Jam tenang (tanpa suara)',
  'sound.quiet.from': 'Dari',
  'sound.quiet.to': 'Sampai',
  'sound.quiet.help': 'Pada jam ini menurut jam komputer, pesan baru tidak berbunyi; notifikasi tetap muncul.',
  'sound.quiet.now': 'Sedang tenang',
};
