/** English strings of poll cards. Every key must also exist in poll.id.ts. */
export const pollEn = {
  'poll.label': 'Poll',
  'poll.multiple': 'Select one or more',
  'poll.single': 'Select one',
  'poll.votes': '{count} votes',
  'poll.vote': '1 vote',
} as const;

export type PollMessageKey = keyof typeof pollEn;
