/**
 * WhatsApp Cloud API facts every layer shares: the error codes the server's Graph client
 * answers with (the renderer translates them), the 24-hour customer-service window, and the
 * shape of a template's parameters as a sender fills them in. Pure: no Node, no DOM.
 */
import { z } from 'zod';

export * from './cloud/constants';

/** One parameter of a template component, as Blazz fills it in (the client turns it into Meta's shape). */
export const templateParameterSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(1024) }),
  z.object({
    type: z.literal('currency'),
    fallback: z.string().min(1).max(256),
    code: z.string().regex(/^[A-Z]{3}$/),
    amount1000: z.number().int(),
  }),
  z.object({ type: z.literal('date_time'), fallback: z.string().min(1).max(256) }),
  z.object({
    type: z.enum(['image', 'video', 'document']),
    mediaId: z.string().min(1).max(128).optional(),
    link: z.url().max(2048).optional(),
    filename: z.string().min(1).max(255).optional(),
  }),
  z.object({ type: z.literal('payload'), payload: z.string().min(1).max(1024) }),
  z.object({ type: z.literal('coupon_code'), couponCode: z.string().min(1).max(15) }),
]);
export type TemplateParameter = z.infer<typeof templateParameterSchema>;

export const templateComponentInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['header', 'body']), parameters: z.array(templateParameterSchema).max(64) }),
  z.object({
    type: z.literal('button'),
    subType: z.enum(['quick_reply', 'url', 'copy_code']),
    index: z.number().int().min(0).max(9),
    parameters: z.array(templateParameterSchema).max(8),
  }),
]);
export type TemplateComponentInput = z.infer<typeof templateComponentInputSchema>;

/** A message template of the WhatsApp Business Account, as listed by the Graph API. */
export type GraphTemplateComponent = {
  readonly type: string;
  readonly format: string | null;
  readonly text: string | null;
  /** `url` is a URL button's address, `{{1}}` marking the suffix a sender fills in. */
  readonly buttons: readonly { readonly type: string; readonly text: string; readonly url: string | null }[];
};
export type GraphTemplate = {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED…: only APPROVED ones can be sent. */
  readonly status: string;
  readonly category: string;
  readonly components: readonly GraphTemplateComponent[];
};

export { templateParamCount } from './cloud/template-needs';
