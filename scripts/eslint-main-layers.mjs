// ESLint rule `blazz/main-layers`: the order between the folders of main/ (docs/architecture.md,
// "Layers inside main/"). Each folder lists the folders it may import from; anything else in
// main/ is an error, and so is a folder missing from the map, so a new folder must say
// where it sits. Imports are resolved against the importing file, so `../store` from
// main/sync/x.ts and `../../store` from main/sync/sub/y.ts are the same edge.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * from → { to: 'all' | 'types' }. `types` is a declared port: type-only imports of the
 * folder's entry (main/<to>/index.ts), nothing else.
 */
export const MAIN_LAYERS = {
  // Logger, event bus, secret vault, media files: what every folder below the wiring needs.
  platform: {},
  store: { platform: 'all' },
  accounts: { platform: 'all' },
  ai: { platform: 'all' },
  // The workspace client writes what it pulls through the Store interface the core hands it.
  sync: { platform: 'all', store: 'types' },
  // The core wires the services together; the shells start the core and account processes.
  core: { platform: 'all', store: 'all', accounts: 'all', ai: 'all', sync: 'all' },
  // The core process: the core served over a message port (docs/architecture.md).
  'core-process': { platform: 'all', core: 'all', accounts: 'all' },
  // The headless host starts the core process (its config, lane schemas, app paths).
  host: { platform: 'all', core: 'all', accounts: 'all', 'core-process': 'all' },
  app: { platform: 'all', core: 'all', accounts: 'all', 'core-process': 'all' },
};

/** main/<folder>/… → [folder, rest] ; anything else → null */
function mainPath(abs) {
  const parts = relative(ROOT, abs).split(sep);
  return parts[0] === 'main' && parts.length >= 2 ? [parts[1], parts.slice(2).join('/')] : null;
}

const isTypeOnly = node =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.type === 'ImportDeclaration' &&
    node.specifiers.length > 0 &&
    node.specifiers.every(s => s.type === 'ImportSpecifier' && s.importKind === 'type'));

export const mainLayersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforces the order between the folders of main/' },
    schema: [],
    messages: {
      undeclared: 'main/{{from}} is not in MAIN_LAYERS (scripts/eslint-main-layers.mjs): declare what it may import.',
      forbidden: 'main/{{from}} may not import main/{{to}} (allowed: {{allowed}}); see docs/architecture.md.',
      typesOnly: 'main/{{from}} may import only types from main/{{to}}/index.ts (its declared port).',
    },
  },
  create(context) {
    const here = mainPath(context.filename);
    if (here === null) return {};
    const [from] = here;
    const allowed = MAIN_LAYERS[from];
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = mainPath(resolve(dirname(context.filename), source));
      if (target === null || target[0] === from) return;
      const [to, rest] = target;
      const edge = allowed[to];
      const data = { from, to, allowed: Object.keys(allowed).join(', ') || 'nothing' };
      if (edge === undefined) context.report({ node, messageId: 'forbidden', data });
      else if (edge === 'types' && (!isTypeOnly(node) || !['', 'index', 'index.ts', 'index.js'].includes(rest)))
        context.report({ node, messageId: 'typesOnly', data });
    };
    if (allowed === undefined)
      return { Program: node => context.report({ node, messageId: 'undeclared', data: { from } }) };
    return {
      ImportDeclaration: node => check(node, node.source.value),
      ExportNamedDeclaration: node => node.source && check(node, node.source.value),
      ExportAllDeclaration: node => check(node, node.source.value),
      ImportExpression: node => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
