/**
 * The language a customer wrote in, as an ISO 639-1 code, for the rules' "language is one
 * of" condition. tinyld (pure JavaScript, no dependencies, ISO 639-1 out of the box, made
 * for short texts like chat messages) does the work; this module is imported only by the
 * runners (the workspace server, the desktop core), never by the renderer, so its model
 * stays out of the page's bundle. Null: too short or too unclear to say.
 */
import { detect } from 'tinyld';

/** Past this, more text changes nothing but the time taken. */
const SAMPLE_MAX = 1_000;

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_MAX).trim();
  if (!sample) return null;
  const code = detect(sample);
  return /^[a-z]{2}$/.test(code) ? code : null;
}
