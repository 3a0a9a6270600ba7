/**
 * A poll as on the phone: its question, each option with how many people chose it now and a
 * bar of its share. Counts come from each voter's latest choice (the store keeps one per voter).
 */
import type { Poll } from '../../../../common/domain';
import type { Dictionaries } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import type { PollMessageKey } from '../../i18n/poll.en';
import { pollEn } from '../../i18n/poll.en';
import { pollId } from '../../i18n/poll.id';

const dictionaries: Dictionaries<PollMessageKey> = { en: pollEn, id: pollId };

/** Votes per option, in the poll's order. */
export function pollCounts(poll: Poll): number[] {
  const counts = poll.options.map(() => 0);
  for (const chosen of Object.values(poll.votes))
    for (const name of chosen) {
      const i = poll.options.indexOf(name);
      if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
    }
  return counts;
}

export function PollCard({ poll }: { readonly poll: Poll }) {
  const t = useDictionary(dictionaries);
  const counts = pollCounts(poll);
  const most = Math.max(1, ...counts);
  const votes = (n: number) => (n === 1 ? t('poll.vote') : t('poll.votes', { count: n }));
  return (
    <figure className="poll-card" aria-label={`${t('poll.label')}: ${poll.question}`}>
      <figcaption>
        <strong>{poll.question}</strong>
        <span className="muted small"> · {t(poll.multiple ? 'poll.multiple' : 'poll.single')}</span>
      </figcaption>
      <ul>
        {poll.options.map((option, i) => (
          <li key={option}>
            <span className="poll-option">{option}</span> <span className="muted small">{votes(counts[i] ?? 0)}</span>
            <span className="poll-bar" aria-hidden="true" style={{ width: `${((counts[i] ?? 0) / most) * 100}%` }} />
          </li>
        ))}
      </ul>
    </figure>
  );
}
