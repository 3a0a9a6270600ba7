import type { GraphErrorCode } from '../../../common/cloud-api';

/** Bahasa Indonesia sentences for the Cloud API's error codes. */
export const graphErrorsId: Readonly<Record<`graphError.${GraphErrorCode}`, string>> = {
  'graphError.token_expired':
    'Meta tidak lagi menerima token akses nomor ini. Admin perlu menghapus nomor ini di Pengaturan lalu menambahkannya lagi dengan token baru.',
  'graphError.window_closed':
    'Sudah lebih dari 24 jam sejak pelanggan terakhir menulis: sekarang hanya template yang disetujui yang bisa dikirim.',
  'graphError.rate_limited': 'Meta membatasi kecepatan pengiriman nomor ini. Coba lagi sebentar lagi.',
  'graphError.invalid_number': 'Nomor telepon ini tidak dapat menerima pesan WhatsApp.',
  'graphError.media_too_large': 'Berkas ini lebih besar dari yang diizinkan WhatsApp untuk jenisnya.',
  'graphError.media_unsupported': 'WhatsApp tidak menerima jenis berkas ini.',
  'graphError.template_invalid': 'Meta menolak template: periksa nama, bahasa, dan parameternya.',
  'graphError.not_found': 'Meta tidak menemukan yang diminta (mungkin sudah kedaluwarsa).',
  'graphError.bad_request': 'Meta menolak permintaan ini.',
  'graphError.unavailable':
    'Server Meta tidak dapat dihubungi atau tidak menjawab dengan benar. Coba lagi sebentar lagi.',
};
