/**
 * What a Cloud API template asks a sender for, read from the components Graph lists: its
 * header's parameter, the number of its body's `{{n}}` values, and which buttons take a
 * parameter. Pure: the server checks sends with it and the template picker draws its fields.
 */
import type { WireCloudTemplate } from '../protocol-cloud';

/** How many `{{n}}` parameters a template text asks for (the highest n). */
export function templateParamCount(text: string | null): number {
  if (!text) return 0;
  let max = 0;
  for (const m of text.matchAll(/\{\{\s*(\d{1,2})\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** A header with no parameter, one `{{1}}` text, or media Meta needs a link for. */
export type HeaderNeed = 'none' | 'text' | 'image' | 'video' | 'document' | 'unsupported';
export type ButtonNeed = {
  readonly index: number;
  readonly kind: 'url' | 'quick_reply' | 'copy_code' | 'other';
  readonly required: boolean;
};
export type TemplateNeeds = {
  readonly header: HeaderNeed;
  readonly body: number;
  readonly buttons: readonly ButtonNeed[];
};

export const component = (t: WireCloudTemplate, type: string) => t.components.find(c => c.type.toUpperCase() === type);

function headerNeed(t: WireCloudTemplate): HeaderNeed {
  const h = component(t, 'HEADER');
  if (!h) return 'none';
  const format = (h.format ?? 'TEXT').toUpperCase();
  if (format === 'TEXT') return templateParamCount(h.text) > 0 ? 'text' : 'none';
  if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') return format.toLowerCase() as HeaderNeed;
  // LOCATION (and formats Meta adds later) take parameters Blazz does not fill.
  return 'unsupported';
}

export function templateNeeds(t: WireCloudTemplate): TemplateNeeds {
  const buttons = (component(t, 'BUTTONS')?.buttons ?? []).map((b, index): ButtonNeed => {
    const type = b.type.toUpperCase();
    // A URL button takes a suffix only when its address ends in {{1}}; a quick reply's payload is optional.
    if (type === 'URL') return { index, kind: 'url', required: templateParamCount(b.url) > 0 };
    if (type === 'QUICK_REPLY') return { index, kind: 'quick_reply', required: false };
    // A coupon template's copy-code button: Meta wants the code at every send.
    if (type === 'COPY_CODE') return { index, kind: 'copy_code', required: true };
    return { index, kind: 'other', required: false };
  });
  return { header: headerNeed(t), body: templateParamCount(component(t, 'BODY')?.text ?? null), buttons };
}
