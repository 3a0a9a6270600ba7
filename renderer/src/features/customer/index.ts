export { CustomerPanel } from './CustomerPanel';
export { CustomerToggle } from './CustomerToggle';
export { useCustomerPanelOpen } from './panel-open';
