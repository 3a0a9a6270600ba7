/** English strings of the customer panel (features/customer). Every key must also exist in customer.id.ts. */
export const customerEn = {
  'customer.open': 'Customer details',
  'customer.close': 'Close customer details',
  'customer.heading': 'Customer',
  'customer.loading': 'Loading…',
  'customer.failed': 'Could not load the customer: {message}',
  'customer.hiddenNumber': 'Hidden number',
  'customer.hiddenNumber.hint':
    'WhatsApp hides this person’s number. It appears once they share it or save your number.',
  'customer.firstContact': 'First contact',
  'customer.lastContact': 'Last contact',
  'customer.never': 'No messages stored yet',
  'customer.conversations': 'Conversations on our numbers',
  'customer.conversation': '{account}, last message {date}',
  'customer.conversation.empty': '{account}, no messages yet',
  'customer.current': 'open now',
  'customer.media': 'Shared media',
  'customer.media.none': 'No media shared yet.',
  'customer.media.item': '{kind} · {date} · {account}',
  'customer.kind.image': 'Photo',
  'customer.kind.video': 'Video',
  'customer.kind.audio': 'Audio',
  'customer.kind.voice': 'Voice message',
  'customer.kind.document': 'Document',
  'customer.kind.sticker': 'Sticker',
  'customer.kind.other': 'File',
} as const;

export type CustomerMessageKey = keyof typeof customerEn;
