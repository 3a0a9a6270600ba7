/** English strings of editing and deleting templates (settings/TemplatesEditor). Every key must also exist in template-edit.id.ts. */
export const templateEditEn = {
  'templateEdit.edit': 'Edit /{shortcut}',
  'templateEdit.form': 'Edit template',
  'templateEdit.save': 'Save changes',
  'templateEdit.cancel': 'Cancel editing',
  'templateEdit.confirmTitle': 'Delete the template /{shortcut}?',
  'templateEdit.confirmBody': '“{title}” is removed from this desktop and /{shortcut} no longer inserts it.',
  'templateEdit.confirm': 'Delete template',
  'templateEdit.share': 'Share with the team (every desktop in the workspace gets it)',
  'templateEdit.team': 'Team',
  'templateEdit.teamHint': 'Team templates are published by admins and team leads; this desktop keeps a copy.',
  'templateEdit.error.forbidden': 'Only admins and team leads can change team templates.',
  'templateEdit.error.offline': 'The workspace server is not reachable. Try again when connected.',
  'templateEdit.error.conflict': 'The shortcut /{shortcut} is already used by another template.',
  'templateEdit.error.failed': 'Could not save the template: {message}',
} as const;

export type TemplateEditMessageKey = keyof typeof templateEditEn;
