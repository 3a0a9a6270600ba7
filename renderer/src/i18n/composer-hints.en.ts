/** English strings of the composer's hints (features/composer). */
export const composerHintsEn = {
  'composerHints.noTemplates': 'No templates yet. Add one in Settings → Templates, then type / and its shortcut.',
} as const;

export type ComposerHintsMessageKey = keyof typeof composerHintsEn;
