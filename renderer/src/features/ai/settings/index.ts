export { AiSettingsSection } from './AiSettingsSection';
