/** The Graph API client of a Cloud API number (#19). */
export { createGraphClient } from './client';
export { mapGraphError } from './errors';
export { mediaKindOf, uploadLimit } from './media';
export { normaliseTo } from './payloads';
export type {
  GraphClient,
  GraphConfig,
  GraphError,
  GraphErrorCode,
  GraphResult,
  GraphTemplate,
  MediaInput,
  MediaKind,
  RetryPolicy,
  TemplateComponentInput,
  UploadSource,
} from './types';
