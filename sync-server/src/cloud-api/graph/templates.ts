/** A template as Graph lists it, in Blazz's shape (only the fields the composer's form needs). */
import type { z } from 'zod';
import type { GraphTemplate } from '../../../../common/cloud-api';
import type { templatesPageSchema } from './schemas';

type Row = z.infer<typeof templatesPageSchema>['data'][number];

export function toTemplate(t: Row): GraphTemplate {
  return {
    id: t.id,
    name: t.name,
    language: t.language,
    status: t.status.toUpperCase(),
    category: t.category.toUpperCase(),
    components: t.components.map(c => ({
      type: c.type.toUpperCase(),
      format: c.format ? c.format.toUpperCase() : null,
      text: c.text ?? null,
      buttons: (c.buttons ?? []).map(b => ({
        type: b.type.toUpperCase(),
        text: b.text,
        url: typeof b.url === 'string' ? b.url : null,
      })),
    })),
  };
}
