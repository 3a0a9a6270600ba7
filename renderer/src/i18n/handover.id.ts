import type { HandoverMessageKey } from './handover.en';

/** Bahasa Indonesia strings of handing chats on, team rules, the oldest waiting chat and the reply warning. */
export const handoverId: Record<HandoverMessageKey, string> = {
  'handover.release': 'Lepaskan ke antrean',
  'handover.release.hint': 'Chat kembali ke Belum ditugaskan dan bisa diambil siapa saja.',
  'handover.transfer': 'Alihkan ke…',
  'handover.transfer.pick': 'Pilih rekan',
  'handover.transfer.none': 'Tidak ada orang lain yang menangani nomor ini.',
  'handover.transfer.note': 'Catatan serah terima (opsional)',
  'handover.transfer.submit': 'Alihkan',
  'handover.busy': 'Menyimpan…',
  'handover.error.handover_not_allowed': 'Admin Anda tidak mengizinkan agen menyerahkan chat. Minta bantuan lead.',
  'handover.error.not_assignee': 'Chat ini bukan milik Anda lagi untuk diserahkan.',
  'handover.error.assignee_not_member': 'Rekan itu tidak (lagi) menangani nomor ini.',
  'handover.rules.heading': 'Aturan tim',
  'handover.rules.intro':
    'Aturan untuk agen di seluruh workspace. Lead dan admin selalu bisa menugaskan chat mana pun.',
  'handover.rules.seeUnassigned': 'Agen melihat chat yang belum ditugaskan',
  'handover.rules.seeUnassigned.hint': 'Mati: agen hanya melihat chat yang ditugaskan kepada mereka.',
  'handover.rules.mayHandOver': 'Agen boleh menyerahkan chat',
  'handover.rules.mayHandOver.hint':
    'Agen dapat melepaskan chat miliknya ke antrean, atau mengalihkannya dengan catatan ke rekan di nomor yang sama.',
  'handover.rules.saved': 'Tersimpan.',
  'handover.rules.offline': 'Aturan tim disimpan di server workspace. Sambungkan untuk mengubahnya.',
  'handover.rules.error': 'Tidak tersimpan: {message}',
  'handover.oldest': 'Menunggu paling lama',
  'handover.oldest.none': '—',
  'handover.oldest.age': '{name}, menunggu {age}',
  'handover.age.minutes': '{n} mnt',
  'handover.age.hours': '{n} jam',
  'handover.age.days': '{n} hr',
  'handover.reassign.label': 'Tugaskan ulang {name} ke',
  'handover.reassign.submit': 'Tugaskan ulang',
  'handover.reassign.done': 'Ditugaskan ulang ke {name}.',
  'handover.warn.line': '{name} ditugaskan pada chat ini. Tetap kirim balasan Anda?',
  'handover.warn.send': 'Tetap kirim',
  'handover.warn.cancel': 'Batal',
};
