/**
 * Splits message text into plain text and links. Only http, https, mailto and tel become
 * links; everything else (javascript:, data:, file:…) stays text. The result is data the
 * components render with React text nodes, never HTML.
 */
export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

// URLs with a scheme we allow, bare www. hosts, and e-mail addresses.
const CANDIDATE =
  /\b(?:(?:https?:\/\/|www\.)[^\s<>"'`]+|mailto:[^\s<>"'`]+|tel:\+?[\d\-(). ]{3,20}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/giu;

// Punctuation that usually ends a sentence rather than a URL.
const TRAILING = /[.,;:!?'")\]}>]+$/u;

/** The href for a candidate, or null when it is not a safe link. */
export function safeHref(candidate: string): string | null {
  let raw = candidate;
  if (/^www\./i.test(raw)) raw = `https://${raw}`;
  else if (!/^(https?:|mailto:|tel:)/i.test(raw) && raw.includes('@')) raw = `mailto:${raw}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return null;
  return url.href;
}

export function linkify(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'text') out[out.length - 1] = { kind: 'text', text: prev.text + t };
    else out.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index ?? 0;
    let candidate = m[0];
    // Keep a closing parenthesis that belongs to the URL (Wikipedia-style links).
    const trail = TRAILING.exec(candidate)?.[0] ?? '';
    if (trail) {
      const opens = (candidate.match(/\(/g) ?? []).length;
      const closes = (candidate.match(/\)/g) ?? []).length;
      const keep = trail.startsWith(')') && opens > closes - 1 && opens === closes ? 1 : 0;
      candidate = candidate.slice(0, candidate.length - trail.length + keep);
    }
    const href = safeHref(candidate);
    push(text.slice(last, start));
    if (href) out.push({ kind: 'link', text: candidate, href });
    else push(candidate);
    last = start + candidate.length;
  }
  push(text.slice(last));
  return out;
}
