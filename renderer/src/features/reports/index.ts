export { ReportsEntry } from './ReportsEntry';
