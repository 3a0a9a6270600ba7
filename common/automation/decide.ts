/**
 * Which automated message, if any, answers an inbound message: the away message outside
 * business hours, else the greeting for a conversation that is new (no message in the chat
 * for `idleHours`). Pure, so the server and later the desktop core decide alike, and tests
 * move time freely. The same message always gives the same decision and window (only the
 * cool-down reads `now`), so exactly-once is the caller's unique key on (chat, kind,
 * window), recorded in the same transaction as the send.
 */
import type { BusinessHours } from './hours';
import { hasAnyRange, isOpen, nextOpening } from './hours';
import type { TemplateValues } from './template';
import { formatOpening, renderTemplate } from './template';

export type AutomationKind = 'away' | 'greeting';

export type AutomationConfig = {
  readonly hours: BusinessHours | null;
  readonly away: { readonly enabled: boolean; readonly text: string };
  readonly greeting: { readonly enabled: boolean; readonly text: string; readonly idleHours: number };
};

export type InboundFacts = {
  /** The server's clock now. */
  readonly now: number;
  readonly fromMe: boolean;
  readonly isGroup: boolean;
  /** When the customer sent it (the provider's timestamp). */
  readonly messageAt: number;
  /** The newest other message of the chat before this one, either direction; null: none. */
  readonly previousMessageAt: number | null;
  /** The newest automated message to this chat; null: none. */
  readonly lastAutomatedAt: number | null;
  readonly customerName: string;
  readonly numberName: string;
};

export type AutomationDecision = {
  readonly kind: AutomationKind;
  /** Names the conversation window: the away message's closed period, the greeting's first message. */
  readonly windowKey: number;
  readonly body: string;
};

/** Older messages arrive with history syncs: answering them would greet last year's chats. */
export const FRESH_MS = 10 * 60_000;
/** At most one automated message per contact in this time: two auto-responders cannot loop. */
export const COOL_DOWN_MS = 10 * 60_000;
/** The away window of a schedule that never opens: one away message per chat, ever. */
export const NEVER_OPENS = -1;

export function decideAutomation(config: AutomationConfig, m: InboundFacts): AutomationDecision | null {
  if (m.fromMe || m.isGroup) return null;
  if (m.messageAt < m.now - FRESH_MS) return null;
  if (m.lastAutomatedAt !== null && m.now - m.lastAutomatedAt < COOL_DOWN_MS) return null;
  const hours = config.hours;
  const values: TemplateValues = { 'customer.name': m.customerName, 'number.name': m.numberName };
  // Hours are judged when the customer wrote, so a redelivery decides the same way.
  if (hours && hasAnyRange(hours) && config.away.enabled && config.away.text.trim() && !isOpen(hours, m.messageAt)) {
    const opening = nextOpening(hours, m.messageAt);
    values.next_opening = opening === null ? '' : formatOpening(opening, hours.timeZone);
    return { kind: 'away', windowKey: opening ?? NEVER_OPENS, body: renderTemplate(config.away.text, values) };
  }
  if (!config.greeting.enabled || !config.greeting.text.trim()) return null;
  const idleMs = config.greeting.idleHours * 3_600_000;
  if (m.previousMessageAt !== null && m.messageAt - m.previousMessageAt < idleMs) return null;
  if (hours && hasAnyRange(hours)) {
    const opening = nextOpening(hours, m.messageAt);
    values.next_opening = opening === null ? '' : formatOpening(opening, hours.timeZone);
  }
  return { kind: 'greeting', windowKey: m.messageAt, body: renderTemplate(config.greeting.text, values) };
}
