// Lint enforces the layers of ../shared/ARCHITECTURE.md §2:
//   common/    imports nothing outside itself (no node:, no DOM-only packages, no electron)
//   renderer/  imports only common/ and browser packages; the transport only in src/api/
//   electron   only in main/app/ and preload/
//   drizzle    only in main/store/ and sync-server/src/db/
//   main/      folders import each other only along MAIN_LAYERS (scripts/eslint-main-layers.mjs)
// and React's rules of hooks in renderer/ (a hook after an early return breaks on re-render).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { mainLayersRule } from './scripts/eslint-main-layers.mjs';

const NODE_BUILTINS =
  '^(node:.*|fs|fs/promises|path|os|crypto|child_process|http|https|net|url|util|events|stream|worker_threads|zlib)$';
const R = {
  electron: { regex: '^electron(/.*)?$', message: 'Only main/app/ and preload/ may import electron.' },
  drizzle: { regex: '^drizzle-orm(/.*)?$', message: 'Only main/store/ and sync-server/src/db/ may import drizzle.' },
  sqlite: { regex: '^better-sqlite3$', message: 'Only main/store/ talks to SQLite.' },
  mysql: { regex: '^mysql2(/.*)?$', message: 'Only sync-server/src/db/ talks to MySQL.' },
  node: { regex: NODE_BUILTINS, message: 'This layer runs without Node: no node built-ins.' },
  outOfCommon: {
    regex: '^(\\.\\./)+(main|renderer|preload|sync-server|tests|bench|scripts)(/.*)?$',
    message: 'common/ imports nothing outside itself.',
  },
  react: { regex: '^(react|react-dom|zustand)(/.*)?$', message: 'UI libraries belong to renderer/.' },
  serverCode: {
    regex: '^(\\.\\./)+(main|preload|sync-server)(/.*)?$',
    message: 'The renderer reaches the core only through the API (common/).',
  },
  transport: { regex: '^socket\\.io-client$', message: 'Only renderer/src/api/ touches the transport.' },
};

const restrict = (...rules) => ['error', { patterns: rules.map(r => ({ regex: r.regex, message: r.message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', '.tmp/**', 'test-results/**', '**/migrations/**', '*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-empty-function': 'off',
      'no-restricted-imports': restrict(R.electron, R.drizzle, R.sqlite, R.mysql, R.react),
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(R.electron, R.drizzle, R.sqlite, R.mysql, R.node, R.outOfCommon, R.react),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': restrict(R.electron, R.drizzle, R.sqlite, R.mysql, R.node, R.serverCode, R.transport),
      'react-hooks/rules-of-hooks': 'error',
    },
  },
  {
    files: ['renderer/src/api/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(R.electron, R.drizzle, R.sqlite, R.mysql, R.node, R.serverCode) },
  },
  {
    files: ['main/**/*.ts'],
    plugins: { blazz: { rules: { 'main-layers': mainLayersRule } } },
    rules: { 'blazz/main-layers': 'error' },
  },
  {
    files: ['main/app/**/*.ts', 'preload/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(R.drizzle, R.sqlite, R.mysql, R.react) },
  },
  { files: ['main/store/**/*.ts'], rules: { 'no-restricted-imports': restrict(R.electron, R.mysql, R.react) } },
  {
    files: ['sync-server/src/db/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(R.electron, R.sqlite, R.react) },
  },
  {
    // Tests and benchmarks drive every layer, including raw databases for baselines.
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
