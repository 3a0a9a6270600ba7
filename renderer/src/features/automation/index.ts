export { AutomationSection } from './AutomationSection';
