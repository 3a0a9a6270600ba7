/** Pure rules of the Tags settings: names as the tag editor writes them, and errors as phrases. */
import type { WorkspaceTag } from '../../../../common/api/tags';
import type { ReplyError } from '../../../../common/result';
import type { TagsMessageKey } from '../../i18n/tags.en';
import { normaliseTag } from '../team/logic';

export type TagsPhrase = { readonly key: TagsMessageKey; readonly vars?: Readonly<Record<string, string | number>> };
/** What a change did, or why it failed, for the screen's status and alert lines. */
export type Report = (ok: TagsPhrase | null, err: TagsPhrase | null) => void;

/** A rename onto a listed tag is a merge (the server does the same); onto itself, nothing. */
export type RenamePlan =
  { readonly kind: 'rename' | 'merge'; readonly to: string } | { readonly kind: 'same' } | { readonly kind: 'invalid' };

export function planRename(tags: readonly WorkspaceTag[], from: string, raw: string): RenamePlan {
  const to = normaliseTag(raw);
  if (to === null) return { kind: 'invalid' };
  if (to === from) return { kind: 'same' };
  return { kind: tags.some(t => t.name === to) ? 'merge' : 'rename', to };
}

/** The core's refusal in the user's words: by code (and reason), never the server's sentence. */
export function tagsErrorPhrase(error: ReplyError): TagsPhrase {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  if (error.code === 'forbidden') return { key: 'tags.error.forbidden' };
  if (error.code === 'unavailable' || error.code === 'timeout') return { key: 'tags.error.offline' };
  if (error.code === 'not_found') return { key: 'tags.error.notFound' };
  if (error.code === 'invalid_args' && reason === 'too_many_tags') return { key: 'tags.error.tooMany' };
  return { key: 'tags.error.failed', vars: { message: error.message } };
}

/** The tag editor's suggestions: listed tags the chat does not have yet that start with (or contain) what is typed. */
export function suggestTags(tags: readonly WorkspaceTag[], chatTags: readonly string[], typed: string): string[] {
  const q = typed.trim().replace(/^#+/, '').toLocaleLowerCase();
  const free = tags.map(t => t.name).filter(n => !chatTags.includes(n));
  const starts = free.filter(n => n.startsWith(q));
  const contains = free.filter(n => !n.startsWith(q) && n.includes(q));
  return [...starts, ...contains];
}
