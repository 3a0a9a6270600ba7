export { CloudNumbersPanel } from './CloudNumbersPanel';
export { ServiceWindowNotice, useServiceWindow } from './ServiceWindowNotice';
export { FailureReason } from './FailureReason';
