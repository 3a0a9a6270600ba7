import type { AssignmentMessageKey } from './assignment.en';

/** Bahasa Indonesia strings of Settings → Automation, "Penugasan". */
export const assignmentId: Record<AssignmentMessageKey, string> = {
  'assignment.heading': 'Penugasan',
  'assignment.mode': 'Tugaskan percakapan baru',
  'assignment.mode.off': 'Mati (lead yang menugaskan)',
  'assignment.mode.round_robin': 'Bergiliran',
  'assignment.mode.least_busy': 'Paling sedikit beban',
  'assignment.help':
    'Pesan pelanggan ke chat yang belum ditugaskan diberikan ke anggota nomor ini yang sedang online dan belum mencapai kapasitasnya: bergiliran, atau ke yang chat terbukanya paling sedikit. Jika tidak ada yang bisa, chat menunggu tanpa penugasan dan dibagikan, yang terlama lebih dulu, begitu ada anggota yang online atau menyelesaikan chat.',
  'assignment.capacity': 'Kapasitas (chat terbuka maksimal)',
  'assignment.capacity.help':
    'Dihitung di semua nomor; chat yang belum diselesaikan terhitung terbuka. Anggota baru mulai dengan {n}.',
  'assignment.capacity.member': 'Kapasitas {name}',
  'assignment.reassign': 'Alihkan setelah (menit tanpa balasan)',
  'assignment.reassign.none': 'Tidak pernah',
  'assignment.reassign.help':
    'Jika pelanggan sudah menunggu balasan tim selama sekian menit, atau anggota yang ditugaskan offline saat pelanggan menunggu, chat dialihkan ke anggota lain yang bisa menerimanya (dipilih sesuai mode di atas). Sekali per penantian, agar chat tidak berpindah-pindah. Kosong: chat tetap pada anggota yang ditugaskan. Hanya berlaku jika penugasan aktif.',
  'assignment.save': 'Simpan penugasan',
  'assignment.saved': 'Tersimpan.',
  'assignment.loading': 'Memuat…',
  'assignment.error.forbidden': 'Hanya admin dan lead nomor ini yang boleh mengubahnya.',
  'assignment.error.not_found': 'Nomor ini tidak ada di workspace.',
  'assignment.error.invalid_args': 'Periksa nilainya: kapasitas 1 sampai 1000 chat.',
  'assignment.error.other': 'Gagal menyimpan. Coba lagi.',
};
