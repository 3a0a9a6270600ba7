/** English strings of the edit / delete-for-everyone actions on our own bubbles. Every key is also in own-message.id.ts. */
export const ownMessageEn = {
  'ownMessage.menu': 'Edit or delete',
  'ownMessage.edit': 'Edit',
  'ownMessage.editLabel': 'Edit message',
  'ownMessage.editHint': 'Enter to save · Esc to cancel',
  'ownMessage.save': 'Save',
  'ownMessage.cancel': 'Cancel',
  'ownMessage.delete': 'Delete for everyone',
  'ownMessage.deleteTitle': 'Delete for everyone?',
  'ownMessage.deleteBody':
    'The message is removed for the customer and for your team. They will see “This message was deleted”.',
  'ownMessage.error.not_found': 'This message is no longer on WhatsApp.',
  'ownMessage.error.forbidden': 'Only messages sent from your team’s numbers can be changed.',
  'ownMessage.error.invalid_args': 'WhatsApp does not allow this for this kind of message.',
  'ownMessage.error.too_late':
    'It is too late: WhatsApp allows editing for 15 minutes and deleting for everyone for about 2 days after sending.',
  'ownMessage.error.unavailable': 'This number is not connected right now. Try again once it is ready.',
  'ownMessage.error.unsupported': 'Numbers on the WhatsApp Cloud API cannot edit or delete a sent message.',
  'ownMessage.relayed.edit':
    'Edit sent to the computer that hosts this number. It is applied there, and waits while that computer is offline.',
  'ownMessage.relayed.delete':
    'Deletion sent to the computer that hosts this number. It is applied there, and waits while that computer is offline.',
  'ownMessage.relayed.failed': 'The computer that hosts this number could not change it: {reason}',
  'ownMessage.error.other': 'The message could not be changed ({code}).',
} as const;

export type OwnMessageKey = keyof typeof ownMessageEn;
