import type { PollMessageKey } from './poll.en';

/** Bahasa Indonesia strings of poll cards. */
export const pollId: Record<PollMessageKey, string> = {
  'poll.label': 'Polling',
  'poll.multiple': 'Pilih satu atau lebih',
  'poll.single': 'Pilih satu',
  'poll.votes': '{count} suara',
  'poll.vote': '1 suara',
};
