/** English strings of the emoji picker. Every key must also exist in emoji.id.ts. */
export const emojiEn = {
  'emoji.search': 'Search emoji',
  'emoji.categories': 'Emoji categories',
  'emoji.results': 'Emoji',
  'emoji.none': 'No emoji match “{query}”.',
  'emoji.cat.smileys': 'Smileys',
  'emoji.cat.gestures': 'Hands',
  'emoji.cat.hearts': 'Hearts and symbols',
  'emoji.cat.work': 'Orders and payment',
  'emoji.cat.food': 'Food and drink',
  'emoji.cat.nature': 'Nature',
} as const;

export type EmojiMessageKey = keyof typeof emojiEn;
