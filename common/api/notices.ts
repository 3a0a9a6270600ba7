/** Core→renderer: notices the workspace server sent this member (rule `notify`, SLA breach). */
import type { WireNotice } from '../protocol-notices';

export type NoticesEvents = {
  /** New notices from the workspace; the renderer shows each as a notification. */
  'notices:received': { readonly notices: readonly WireNotice[] };
};

export const noticesEventNames: Record<keyof NoticesEvents, true> = { 'notices:received': true };
