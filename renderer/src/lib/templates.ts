/**
 * Templates and quick replies: `/shortcut` typed in the composer, expanded with variables
 * such as {{contact.name}}, {{agent.name}} and {{account.name}}.
 */
import type { Template } from '../../../common/domain';

export type TemplateVars = Readonly<Record<string, string>>;

/** Replaces `{{ name }}` with its value; unknown variables become empty, never raw braces. */
export function expandTemplate(body: string, vars: TemplateVars): string {
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, name: string) => vars[name] ?? '');
}

/** The variables a template uses, in order of first use. */
export function variablesOf(body: string): string[] {
  const seen = new Set<string>();
  for (const m of body.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) if (m[1]) seen.add(m[1]);
  return [...seen];
}

/** When the draft is a `/word` being typed, the word (may be ''); otherwise null. */
export function shortcutQuery(draft: string): string | null {
  const m = /^\/([\w-]*)$/u.exec(draft);
  return m ? (m[1] ?? '') : null;
}

/** Templates whose shortcut starts with the query, then those whose title contains it. */
export function matchTemplates(templates: readonly Template[], query: string, max = 8): Template[] {
  const q = query.toLowerCase();
  const starts = templates.filter(t => t.shortcut.toLowerCase().startsWith(q));
  const rest = templates.filter(t => !starts.includes(t) && t.title.toLowerCase().includes(q));
  return [...starts, ...rest].slice(0, max);
}

/** First name of a display name, for friendlier greetings when the template wants it. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? name;
}
