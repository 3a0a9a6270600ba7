import { stripBidi } from '../lib/text';

/** Untrusted text (names, previews): isolated direction, override controls removed. */
export function SafeText({ text, className }: { readonly text: string; readonly className?: string }) {
  return <bdi className={className}>{stripBidi(text)}</bdi>;
}
