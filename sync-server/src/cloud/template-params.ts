/**
 * What a template asks a sender for (its header's parameter, its body's `{{n}}` values,
 * its URL buttons' suffixes) read from the components Graph lists, the check of a send
 * against it, and the components Meta's send API takes. Pure: the handler and the sender
 * both use it, so what was checked is exactly what goes out.
 */
import { z } from 'zod';
import type { TemplateComponentInput, TemplateParameter } from '../../../common/cloud-api';
import type { ButtonNeed, HeaderNeed } from '../../../common/cloud/template-needs';
import { component, templateNeeds } from '../../../common/cloud/template-needs';
import type { TemplateButton, TemplateHeader, TemplateValue, WireCloudTemplate } from '../../../common/protocol-cloud';
import { templateButtonSchema, templateHeaderSchema, templateValueSchema } from '../../../common/protocol-cloud';

export type ParamsInput = {
  readonly parameters: readonly TemplateValue[];
  readonly header?: TemplateHeader | undefined;
  readonly buttons?: readonly TemplateButton[] | undefined;
};

/** Why a send does not fit its template: a code and details for the UI, or null when it fits. */
export type ParamsProblem = { readonly reason: string; readonly details: Record<string, unknown> };

function checkHeader(need: HeaderNeed, header: TemplateHeader | undefined): ParamsProblem | null {
  if (need === 'unsupported') return { reason: 'template_unsupported', details: { part: 'header' } };
  if (need === 'none')
    return header ? { reason: 'template_parameters', details: { part: 'header', expected: 'none' } } : null;
  // A text header's {{1}} may be filled with an amount or a date-time, as a body's may.
  const given = header?.type === 'currency' || header?.type === 'date_time' ? 'text' : header?.type;
  if (given !== need) return { reason: 'template_parameters', details: { part: 'header', expected: need } };
  return null;
}

function checkButtons(needs: readonly ButtonNeed[], given: readonly TemplateButton[]): ParamsProblem | null {
  const seen = new Set<number>();
  for (const b of given) {
    const need = needs[b.index];
    if (!need || need.kind !== b.subType || seen.has(b.index))
      return {
        reason: 'template_parameters',
        details: { part: 'button', index: b.index, expected: need?.kind ?? 'none' },
      };
    if (need.kind === 'url' && !need.required)
      return { reason: 'template_parameters', details: { part: 'button', index: b.index, expected: 'none' } };
    seen.add(b.index);
  }
  const missing = needs.find(n => n.required && !seen.has(n.index));
  return missing
    ? { reason: 'template_parameters', details: { part: 'button', index: missing.index, expected: missing.kind } }
    : null;
}

/** Count and kind of every parameter against the template; the first problem found. */
export function checkParams(t: WireCloudTemplate, input: ParamsInput): ParamsProblem | null {
  const needs = templateNeeds(t);
  const header = checkHeader(needs.header, input.header);
  if (header) return header;
  if (needs.body !== input.parameters.length)
    return { reason: 'template_parameters', details: { part: 'body', expected: needs.body } };
  return checkButtons(needs.buttons, input.buttons ?? []);
}

/** What the customer reads for a value: the text, or an amount's or date-time's fallback (Meta shows it as is). */
export const valueText = (v: TemplateValue): string => (typeof v === 'string' ? v : v.fallback);

/** The body with `{{n}}` replaced by the n-th value. */
export function fillTemplate(text: string, values: readonly TemplateValue[]): string {
  return text.replace(/\{\{\s*(\d{1,2})\s*\}\}/g, (m, n: string) => {
    const v = values[Number(n) - 1];
    return v === undefined ? m : valueText(v);
  });
}

function headerValue(h: TemplateHeader | undefined): TemplateValue[] {
  if (h?.type === 'text') return [h.text];
  return h?.type === 'currency' || h?.type === 'date_time' ? [h] : [];
}

/** What the chat shows for the send: a text header's line, then the body, filled in. */
export function filledText(t: WireCloudTemplate, input: ParamsInput): string {
  const body = fillTemplate(component(t, 'BODY')?.text ?? '', input.parameters);
  const h = component(t, 'HEADER');
  const headerText = h && (h.format ?? 'TEXT').toUpperCase() === 'TEXT' ? h.text : null;
  if (!headerText) return body;
  return `${fillTemplate(headerText, headerValue(input.header))}\n${body}`;
}

/** The template as a send row keeps it (sends.template, JSON); rows from before headers have only parameters. */
export const storedTemplateSchema = z.object({
  name: z.string(),
  language: z.string(),
  parameters: z.array(templateValueSchema),
  header: templateHeaderSchema.optional(),
  buttons: z.array(templateButtonSchema).optional(),
});
export type StoredTemplate = z.infer<typeof storedTemplateSchema>;

const valueParameter = (v: TemplateValue): TemplateParameter => (typeof v === 'string' ? { type: 'text', text: v } : v);

function headerParameter(h: TemplateHeader, mediaId: string | null): TemplateParameter | null {
  if (h.type === 'text') return { type: 'text', text: h.text };
  if (h.type === 'currency' || h.type === 'date_time') return h;
  // An uploaded header goes by the id Graph gave it; without one (the upload failed) there is nothing to send.
  const source = h.link ? { link: h.link } : mediaId ? { mediaId } : null;
  if (!source) return null;
  return { type: h.type, ...source, ...(h.filename && h.type === 'document' ? { filename: h.filename } : {}) };
}

/**
 * Meta's `components` for a checked send, header first, buttons by index. `headerMediaId` is
 * the Graph media id of an uploaded header file (the sender uploads it first).
 */
export function componentsOf(t: StoredTemplate, headerMediaId: string | null = null): TemplateComponentInput[] {
  const out: TemplateComponentInput[] = [];
  const header = t.header ? headerParameter(t.header, headerMediaId) : null;
  if (header) out.push({ type: 'header', parameters: [header] });
  if (t.parameters.length) out.push({ type: 'body', parameters: t.parameters.map(valueParameter) });
  for (const b of [...(t.buttons ?? [])].sort((x, y) => x.index - y.index))
    out.push({
      type: 'button',
      subType: b.subType,
      index: b.index,
      parameters: [buttonParameter(b)],
    });
  return out;
}

function buttonParameter(b: TemplateButton): TemplateParameter {
  if (b.subType === 'url') return { type: 'text', text: b.text };
  if (b.subType === 'copy_code') return { type: 'coupon_code', couponCode: b.code };
  return { type: 'payload', payload: b.payload };
}
