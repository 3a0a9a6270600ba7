/** English strings of the composer's hints (features/composer). */
export const composerHintsEn = {
  'composerHints.attachOverNumber': 'This number takes {kind} files up to {max}.',
  'composerHints.attachLimit':
    'Attach a file (up to {max} from this desktop; this number takes images up to {image}, documents up to {document})',
  'composerHints.kind.image': 'image',
  'composerHints.kind.video': 'video',
  'composerHints.kind.audio': 'audio',
  'composerHints.kind.document': 'document',
  'composerHints.noTemplates': 'No templates yet. Add one in Settings → Templates, then type / and its shortcut.',
} as const;

export type ComposerHintsMessageKey = keyof typeof composerHintsEn;
