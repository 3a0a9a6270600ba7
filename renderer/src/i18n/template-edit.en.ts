/** English strings of editing and deleting templates (settings/TemplatesEditor). Every key must also exist in template-edit.id.ts. */
export const templateEditEn = {
  'templateEdit.edit': 'Edit /{shortcut}',
  'templateEdit.form': 'Edit template',
  'templateEdit.save': 'Save changes',
  'templateEdit.cancel': 'Cancel editing',
  'templateEdit.confirmTitle': 'Delete the template /{shortcut}?',
  'templateEdit.confirmBody': '“{title}” is removed from this desktop and /{shortcut} no longer inserts it.',
  'templateEdit.confirm': 'Delete template',
  'templateEdit.error.conflict': 'The shortcut /{shortcut} is already used by another template.',
  'templateEdit.error.failed': 'Could not save the template: {message}',
} as const;

export type TemplateEditMessageKey = keyof typeof templateEditEn;
