/**
 * The text a rule's "reply with a template" sends. Workspace templates are written for the
 * composer ({{contact.name}}, {{account.name}}, {{agent.name}}); automation speaks for no
 * agent, so those map onto the automation variables and {{agent.name}} renders as nothing,
 * like every unknown variable (template.ts).
 */
import { renderTemplate } from '../template';
import type { TemplateValues } from '../template';

const ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\{\{\s*contact\.name\s*\}\}/g, '{{customer.name}}'],
  [/\{\{\s*account\.name\s*\}\}/g, '{{number.name}}'],
];

export function renderRuleReply(templateBody: string, values: TemplateValues): string {
  const text = ALIASES.reduce((t, [re, to]) => t.replace(re, to), templateBody);
  return renderTemplate(text, values);
}
