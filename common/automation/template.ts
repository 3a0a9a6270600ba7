/**
 * Template variables of automated messages. Rendering never throws: an unknown variable
 * renders as nothing (a customer must never read "{{oops}}"), and the editor lists
 * unknown names so whoever writes the text sees the mistake before a customer would.
 */

export const TEMPLATE_VARIABLES = ['customer.name', 'number.name', 'next_opening'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const VARIABLE = /\{\{\s*([^{}\s]{1,64})\s*\}\}/g;

const known = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(VARIABLE, (_all, name: string) => (known(name) ? (values[name] ?? '') : ''));
}

/** Variable names the text uses that the renderer does not know, each once, in order. */
export function unknownVariables(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(VARIABLE)) {
    const name = m[1]!;
    if (!known(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

const openingFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An opening time as customers read it, in the number's zone: "Mon 7 Dec, 09:00" (English)
 * or "Sen 7 Des 09.00" (Bahasa Indonesia). An unknown locale falls back to English.
 */
export function formatOpening(at: number, timeZone: string, locale: 'en' | 'id' = 'en'): string {
  const key = `${locale}|${timeZone}`;
  let f = openingFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    openingFormats.set(key, f);
  }
  return f.format(at);
}
