import type { SlaMessageKey } from './sla.en';

/** Bahasa Indonesia strings of the first-response SLA marker and setting. */
export const slaId: Record<SlaMessageKey, string> = {
  'sla.dueIn': 'jatuh tempo {n} mnt',
  'sla.overdue': 'terlambat {n} mnt',
  'sla.title': 'Balasan pertama paling lambat {time}',
  'sla.target': 'Target balasan pertama (menit)',
  'sla.target.none': 'Tanpa target',
  'sla.target.help':
    'Pelanggan yang menulis saat belum ada balasan tertunda harus menerima balasan pertama tim dalam waktu ini; baris chat menampilkan “jatuh tempo” lalu “terlambat”. Pesan otomatis tidak dihitung sebagai balasan. Jika nomor memiliki jam kerja, hanya waktu buka yang dihitung.',
};
