/**
 * Search snippets arrive with control-character markers around each match (the store's
 * HIGHLIGHT_START / HIGHLIGHT_END). They become <mark> elements, never HTML.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export type SnippetPart = { readonly text: string; readonly hit: boolean };

export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let buf = '';
  const flush = () => {
    if (buf) parts.push({ text: buf, hit });
    buf = '';
  };
  for (const ch of snippet) {
    if (ch === HIGHLIGHT_START) {
      flush();
      hit = true;
    } else if (ch === HIGHLIGHT_END) {
      flush();
      hit = false;
    } else buf += ch;
  }
  flush();
  return parts;
}
