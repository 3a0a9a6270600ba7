/** English strings of the composer's hints (features/composer). */
export const composerHintsEn = {
  'composerHints.attachOverNumber': 'This number takes {kind} files up to {max}.',
  'composerHints.attachLimit': 'Attach a file (this number takes images up to {image}, documents up to {document})',
  'composerHints.preparing': 'Preparing {name}…',
  'composerHints.voice.record': 'Record a voice note',
  'composerHints.voice.limit': 'up to {time} min; it stops by itself',
  'composerHints.voice.recording': 'Recording a voice note',
  'composerHints.voice.send': 'Send the voice note',
  'composerHints.voice.cancel': 'Discard the voice note',
  'composerHints.voice.denied':
    'The microphone is blocked. Allow this app to use it in the browser’s or the system’s settings, then try again.',
  'composerHints.voice.noMicrophone': 'No microphone was found.',
  'composerHints.voice.unsupported': 'This browser cannot record audio.',
  'composerHints.voice.failed': 'The voice note could not be recorded.',
  'composerHints.voice.note': 'Voice note',
  'composerHints.kind.image': 'image',
  'composerHints.kind.video': 'video',
  'composerHints.kind.audio': 'audio',
  'composerHints.kind.document': 'document',
  'composerHints.noTemplates': 'No templates yet. Add one in Settings → Templates, then type / and its shortcut.',
} as const;

export type ComposerHintsMessageKey = keyof typeof composerHintsEn;
