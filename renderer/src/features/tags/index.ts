export { TagsSettings } from './TagsSettings';
export { suggestTags } from './logic';
