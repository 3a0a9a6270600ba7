/** English strings of the search filters (features/search). Every key must also exist in search-filters.id.ts. */
export const searchFiltersEn = {
  'searchFilters.group': 'Filters',
  'searchFilters.from': 'From date',
  'searchFilters.to': 'To date',
  'searchFilters.sender': 'Sender',
  'searchFilters.sender.any': 'Anyone',
  'searchFilters.sender.me': 'Us (our numbers)',
  'searchFilters.sender.them': 'The customer',
  'searchFilters.inChat': 'Only in {name}',
  'searchFilters.removeChat': 'Search every chat',
  'searchFilters.clear': 'Clear filters',
  'searchFilters.inThisChat': 'Search in this chat',
} as const;

export type SearchFiltersMessageKey = keyof typeof searchFiltersEn;
