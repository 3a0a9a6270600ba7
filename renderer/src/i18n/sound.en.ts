/** Settings → Notifications: the new-message chime and quiet hours. */
export const soundEn = {
  'sound.enabled': 'Play a sound for new messages',
  'sound.help': 'A short chime, even when desktop notifications are off. Muted chats and numbers never chime.',
  'sound.perNumber': 'Sound for each number',
  'sound.number': 'Sound for {name}',
  'sound.quiet': 'Quiet hours (no sound)',
  'sound.quiet.from': 'From',
  'sound.quiet.to': 'Until',
  'sound.quiet.help':
    'In these hours of this computer’s clock, new messages make no sound; notifications still appear.',
  'sound.quiet.now': 'Quiet now',
} as const;

export type SoundMessageKey = keyof typeof soundEn;
