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
  'templateEdit.error.conflict': 'Pintasan /{shortcut} sudah dipakai template lain.',
  'templateEdit.error.failed': 'Template tidak dapat disimpan: {message}',
};
