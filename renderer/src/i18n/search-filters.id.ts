import type { SearchFiltersMessageKey } from './search-filters.en';

/** Bahasa Indonesia strings of the search filters. */
export const searchFiltersId: Readonly<Record<SearchFiltersMessageKey, string>> = {
  'searchFilters.group': 'Filter',
  'searchFilters.from': 'Dari tanggal',
  'searchFilters.to': 'Sampai tanggal',
  'searchFilters.sender': 'Pengirim',
  'searchFilters.sender.any': 'Siapa saja',
  'searchFilters.sender.me': 'Kita (nomor kita)',
  'searchFilters.sender.them': 'Pelanggan',
  'searchFilters.inChat': 'Hanya di {name}',
  'searchFilters.removeChat': 'Cari di semua chat',
  'searchFilters.clear': 'Hapus filter',
  'searchFilters.inThisChat': 'Cari di chat ini',
};
