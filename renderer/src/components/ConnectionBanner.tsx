import type { ConnectionState } from '../api/client';
import { useT } from '../i18n';

/** Tells the user plainly when the app behind the page is unreachable. */
export function ConnectionBanner({ state }: { readonly state: ConnectionState }) {
  const t = useT();
  if (state === 'connected') return null;
  const key =
    state === 'unauthorized'
      ? 'connection.unauthorized'
      : state === 'connecting'
        ? 'connection.connecting'
        : 'connection.disconnected';
  return (
    <div role={state === 'unauthorized' ? 'alert' : 'status'} className={`banner banner-${state}`}>
      {t(key)}
    </div>
  );
}
