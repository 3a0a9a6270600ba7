import { useMemo, useState } from 'react';
import { useT } from '../i18n';
import { linkify } from '../lib/linkify';
import { BODY_PREVIEW_CHARS, stripBidi, truncate } from '../lib/text';

/**
 * A message body as text with safe links (http, https, mailto, tel only), never HTML.
 * Very long bodies show the first part with "Show more".
 */
export function Linkified({ text }: { readonly text: string }) {
  const t = useT();
  const [limit, setLimit] = useState(BODY_PREVIEW_CHARS);
  const { text: shown, cut } = useMemo(() => truncate(stripBidi(text), limit), [text, limit]);
  const segments = useMemo(() => linkify(shown), [shown]);
  return (
    <bdi className="body-text">
      {segments.map((s, i) =>
        s.kind === 'link' ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer">
            {s.text}
          </a>
        ) : (
          <span key={i}>{s.text}</span>
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
