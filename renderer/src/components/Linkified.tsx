import { useMemo, useState } from 'react';
import { useT } from '../i18n';
import { linkify } from '../lib/linkify';
import type { MentionDisplay } from '../lib/mentions';
import { splitMentions } from '../lib/mentions';
import { BODY_PREVIEW_CHARS, stripBidi, truncate } from '../lib/text';

const NO_MENTIONS: MentionDisplay = new Map();

/**
 * A message body as text with safe links (http, https, mailto, tel only), never HTML, and
 * @mentions shown as the person (lib/mentions.ts). Very long bodies show the first part
 * with "Show more".
 */
export function Linkified({ text, mentions }: { readonly text: string; readonly mentions?: MentionDisplay }) {
  const t = useT();
  const [limit, setLimit] = useState(BODY_PREVIEW_CHARS);
  const { text: shown, cut } = useMemo(() => truncate(stripBidi(text), limit), [text, limit]);
  const segments = useMemo(() => linkify(shown), [shown]);
  const display = mentions ?? NO_MENTIONS;
  return (
    <bdi className="body-text">
      {segments.map((s, i) =>
        s.kind === 'link' ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer">
            {s.text}
          </a>
        ) : (
          splitMentions(s.text, display).map((part, j) =>
            part.kind === 'mention' ? (
              <bdi key={`${i}.${j}`} className="mention" data-jid={part.jid}>
                {stripBidi(part.text)}
              </bdi>
            ) : (
              <span key={`${i}.${j}`}>{part.text}</span>
            ),
          )
        ),
      )}
      {cut && (
        <>
          {'… '}
          <button type="button" className="link-button" onClick={() => setLimit(l => l * 4)}>
            {t('message.showMore')}
          </button>
        </>
      )}
    </bdi>
  );
}
