import type { TemplateEditMessageKey } from './template-edit.en';

/** Bahasa Indonesia strings of editing and deleting templates (settings/TemplatesEditor). */
export const templateEditId: Record<TemplateEditMessageKey, string> = {
  'templateEdit.edit': 'Ubah /{shortcut}',
  'templateEdit.form': 'Ubah template',
  'templateEdit.save': 'Simpan perubahan',
  'templateEdit.cancel': 'Batal mengubah',
  'templateEdit.confirmTitle': 'Hapus template /{shortcut}?',
  'templateEdit.confirmBody': '“{title}” dihapus dari desktop ini dan /{shortcut} tidak lagi menyisipkannya.',
  'templateEdit.confirm': 'Hapus template',
  'templateEdit.share': 'Bagikan ke tim (setiap desktop di workspace mendapatkannya)',
  'templateEdit.team': 'Tim',
  'templateEdit.teamHint': 'Template tim diterbitkan oleh admin dan ketua tim; desktop ini menyimpan salinannya.',
  'templateEdit.error.forbidden': 'Hanya admin dan ketua tim yang dapat mengubah template tim.',
  'templateEdit.error.offline': 'Server workspace tidak dapat dijangkau. Coba lagi saat terhubung.',
  'templateEdit.error.conflict': 'Pintasan /{shortcut} sudah dipakai template lain.',
  'templateEdit.error.failed': 'Template tidak dapat disimpan: {message}',
};
