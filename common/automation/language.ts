/**
 * The language a customer wrote in, as an ISO 639-1 code, for the rules' "language is one
 * of" condition. tinyld (pure JavaScript, no dependencies, ISO 639-1 out of the box, made
 * for short texts like chat messages) does the work. Its model takes about 400 ms to load,
 * so each runner (the workspace server, the desktop core) hands in a loader that is called
 * on the first message that needs a language, never at start (#23: it was on the desktop's
 * cold start path). The renderer never loads it. Null: too short or too unclear to say.
 */

/** tinyld's `detect`: an ISO 639-1 code, or '' when unsure. */
export type LanguageDetect = (text: string) => string;

/** Past this, more text changes nothing but the time taken. */
const SAMPLE_MAX = 1_000;

export function languageDetector(load: () => LanguageDetect): (text: string) => string | null {
  let detect: LanguageDetect | null = null;
  return text => {
    const sample = text.slice(0, SAMPLE_MAX).trim();
    if (!sample) return null;
    detect ??= load();
    const code = detect(sample);
    return /^[a-z]{2}$/.test(code) ? code : null;
  };
}
