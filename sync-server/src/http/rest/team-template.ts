/**
 * A team template sent through the REST API (`POST /chats/{chatId}/messages` with
 * `template`): the workspace's reply template with that shortcut, filled in as the composer
 * fills it ({{contact.name}}, {{account.name}}, {{agent.name}}), and sent as a text. It works
 * on every kind of number, which is how a linked (whatsapp-web.js) number sends "templates":
 * Meta's approved templates exist only for Cloud API numbers (POST /chats/{chatId}/templates).
 */
import { CommandError } from '../../../../common/result';
import type { EndpointInput } from './endpoint';

const VARIABLE = /\{\{\s*(contact\.name|account\.name|agent\.name)\s*\}\}/g;

export async function renderTeamTemplate(
  input: Pick<EndpointInput, 'caller' | 'handlers'>,
  chatId: string,
  shortcut: string,
): Promise<string> {
  const templates = await input.handlers['template:list'](input.caller, {});
  const template = templates.find(t => t.shortcut === shortcut);
  if (!template)
    throw new CommandError('not_found', 'no team template with that shortcut', { reason: 'template_unknown' });
  const { chat } = await input.handlers['chat:get'](input.caller, { chatId });
  const accounts = await input.handlers['account:list'](input.caller, {});
  const members = await input.handlers['member:list'](input.caller, {});
  const values: Record<string, string> = {
    'contact.name': chat.name,
    'account.name': accounts.find(a => a.id === chat.accountId)?.name ?? '',
    'agent.name': members.find(m => m.id === input.caller.memberId)?.name ?? '',
  };
  const text = template.body.replace(VARIABLE, (_all, name: string) => values[name] ?? '').trim();
  if (text === '') throw new CommandError('invalid_args', 'the template renders empty', { reason: 'template_empty' });
  return text;
}
