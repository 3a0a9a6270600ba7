/** Bahasa Indonesia strings of Cloud API numbers (features/cloud); the keys of cloud.en.ts. */
import type { CloudMessageKey } from './cloud.en';

export const cloudId: Record<CloudMessageKey, string> = {
  'cloud.heading': 'Nomor WhatsApp Cloud API',
  'cloud.intro':
    'Nomor di Cloud API resmi Meta berjalan di server workspace, bukan di desktop. Buat aplikasi dan nomornya di dasbor Meta terlebih dahulu; docs/cloud-api.md menjelaskan langkahnya.',
  'cloud.offline': 'Nomor Cloud API disimpan di server workspace. Sambungkan untuk mengelolanya.',
  'cloud.empty': 'Belum ada nomor Cloud API.',
  'cloud.webhook': 'URL webhook untuk dasbor Meta: alamat server ini diikuti {path}',
  'cloud.add': 'Tambah nomor Cloud API',
  'cloud.name': 'Nama di kotak masuk',
  'cloud.phoneNumberId': 'ID nomor telepon',
  'cloud.phoneNumberId.help': 'WhatsApp → API Setup di dasbor Meta, di bawah nomornya.',
  'cloud.wabaId': 'ID WhatsApp Business Account',
  'cloud.accessToken': 'Token akses',
  'cloud.accessToken.help': 'Token System User dengan whatsapp_business_messaging dan whatsapp_business_management.',
  'cloud.appSecret': 'App secret',
  'cloud.appSecret.help': 'App settings → Basic. Server memeriksa setiap permintaan webhook dengannya.',
  'cloud.verifyToken': 'Token verifikasi',
  'cloud.verifyToken.help': 'Frasa apa saja, minimal 8 karakter; ketik frasa yang sama di pengaturan webhook Meta.',
  'cloud.save': 'Periksa dan tambahkan',
  'cloud.checking': 'Memeriksa ke Meta…',
  'cloud.added': '{name} ({phone}) ditambahkan.',
  'cloud.remove': 'Hapus',
  'cloud.remove.confirm': 'Hapus {name}? Chatnya tetap bisa dibaca; nomor ini berhenti menerima dan mengirim.',
  'cloud.remove.yes': 'Hapus',
  'cloud.remove.no': 'Simpan',
  'cloud.error.server_key_missing':
    'Server workspace tidak punya kunci enkripsi (MFA_ENCRYPTION_KEY), jadi tidak dapat menyimpan kredensial dengan aman. Minta pengelola server untuk mengaturnya.',
  'cloud.error.graph_refused':
    'Meta tidak menerima data ini ({graphCode}). Periksa ID nomor telepon dan token aksesnya.',
  'cloud.error.number_exists': 'Nomor ini sudah ada di workspace.',
  'cloud.error.too_many_numbers': 'Workspace ini sudah mencapai batas jumlah nomor Cloud API.',
  'cloud.error.unavailable': 'Meta tidak dapat dihubungi. Coba lagi sebentar lagi.',
  'cloud.error.forbidden': 'Hanya admin yang mengelola nomor Cloud API.',
  'cloud.error.other': 'Server menolak ({code}).',
  'cloud.window.closed':
    'Jendela layanan pelanggan 24 jam sudah tertutup {ago}. Sampai pelanggan menulis lagi, WhatsApp hanya mengizinkan templat pesan yang disetujui.',
  'cloud.window.open': 'Jendela layanan pelanggan terbuka: balasan bebas sampai tertutup {when}.',
  'cloud.quality.label': 'Peringkat kualitas',
  'cloud.quality.GREEN': 'Tinggi',
  'cloud.quality.YELLOW': 'Sedang',
  'cloud.quality.RED': 'Rendah',
  'cloud.quality.help.YELLOW':
    'Pelanggan lebih sering dari biasanya memblokir atau melaporkan pesan dari nomor ini. Kurangi templat yang tidak diminta sebelum peringkat turun menjadi rendah.',
  'cloud.quality.help.RED':
    'Kualitas rendah: banyak pelanggan memblokir atau melaporkan pesan dari nomor ini. Jika tetap rendah, Meta dapat menurunkan batas pesannya atau menjeda templatnya. Kirim templat hanya kepada pelanggan yang menantikannya.',
  'cloud.quality.limitLabel': 'Batas pesan',
  'cloud.quality.limit': '{n} pelanggan per hari',
  'cloud.quality.unlimited': 'Tanpa batas harian',
  'cloud.template.open': 'Kirim templat…',
  'cloud.template.title': 'Kirim templat pesan',
  'cloud.template.intro':
    'Templat disetujui Meta di WhatsApp Manager. Templat dapat dikirim kapan saja, juga setelah jendela 24 jam tertutup.',
  'cloud.template.loading': 'Memuat templat…',
  'cloud.template.none': 'Nomor ini belum punya templat yang disetujui. Buat di WhatsApp Manager milik Meta.',
  'cloud.template.choose': 'Templat',
  'cloud.template.value': 'Nilai untuk {{{n}}}',
  'cloud.template.preview': 'Pratinjau',
  'cloud.template.send': 'Kirim templat',
  'cloud.template.sending': 'Mengirim…',
  'cloud.template.error': 'Tidak terkirim ({code}).',
  'cloud.failure.unconfirmed':
    'Server kehilangan jejak pesan ini saat mengirimnya: Meta mungkin sudah atau belum mengirimkannya. Tanyakan pelanggan sebelum mengirim lagi.',
  'cloud.failure.number_unavailable': 'Nomor Cloud API ini sudah dihapus dari workspace, jadi tidak dapat mengirim.',
};
