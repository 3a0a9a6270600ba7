import { useCustomerPanelOpen } from './panel-open';
import { useCustomerT } from './useCustomerT';

/** The conversation header's button that shows or hides the customer panel. */
export function CustomerToggle() {
  const t = useCustomerT();
  const open = useCustomerPanelOpen(s => s.open);
  return (
    <button type="button" aria-expanded={open} onClick={() => useCustomerPanelOpen.getState().toggle()}>
      {t(open ? 'customer.close' : 'customer.open')}
    </button>
  );
}
