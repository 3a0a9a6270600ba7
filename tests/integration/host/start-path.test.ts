/**
 * What a cold start loads before the first chat row (#23), checked on the built app: the
 * host listens before socket.io and zod load, the page's first script builds no zod schema,
 * the core does not load the language model at start, and the core process answers the first
 * screen before it loads the rest of the core, zod or drizzle. Each of these once cost 100–400 ms.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The chunk files an ES module imports statically, recursively (dynamic imports excluded). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s*"(\.{1,2}\/[^"]+)"/gms))
    staticClosure(join(dirname(file), m[1]!), seen);
  for (const m of code.matchAll(/^import\s*"(\.{1,2}\/[^"]+)"/gm)) staticClosure(join(dirname(file), m[1]!), seen);
  return seen;
}

describe('cold start path (built)', () => {
  it('the host loads neither socket.io nor zod before it listens', () => {
    const entry = readFileSync('dist/host/index.mjs', 'utf8');
    const runHost = /import\("\.\/(chunks\/run-host-[^"]+)"\)/.exec(entry)?.[1];
    expect(runHost).toBeDefined();
    const loaded = staticClosure(join('dist/host', runHost!));
    const code = [...loaded].map(f => readFileSync(f, 'utf8')).join('\n');
    expect(code).not.toMatch(/node_modules\/socket\.io\//);
    expect(code).not.toMatch(/node_modules\/zod\//);
    // …and loads them right after, on its own.
    expect(readFileSync(join('dist/host', runHost!), 'utf8')).toMatch(/import\("\.\/bridge-/);
  });

  it("the page's first script builds no zod schema (they come with Settings and Reports)", () => {
    const html = readFileSync('dist/renderer/index.html', 'utf8');
    const src = /<script type="module"[^>]*src="\/?([^"]+)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const map = JSON.parse(readFileSync(join('dist/renderer', `${src!}.map`), 'utf8')) as { sources: string[] };
    expect(map.sources.some(s => s.includes('node_modules/react-dom/'))).toBe(true);
    expect(map.sources.filter(s => s.includes('node_modules/zod/'))).toEqual([]);
  });

  /** Every file of the core process: its entry and the chunks it imports, statically or later. */
  const coreFiles = (): string[] => {
    const all = new Set<string>();
    const visit = (file: string) => {
      if (all.has(file)) return;
      for (const f of staticClosure(file)) all.add(f);
      for (const f of [...all])
        for (const m of readFileSync(f, 'utf8').matchAll(/import\("(\.{1,2}\/[^"]+)"\)/g))
          visit(join(dirname(f), m[1]!));
    };
    visit('dist/core/child.mjs');
    return [...all];
  };
  const sourcesOf = (files: Iterable<string>): string[] =>
    [...files].flatMap(f => (JSON.parse(readFileSync(`${f}.map`, 'utf8')) as { sources: string[] }).sources);

  it('the core process does not load the language model at start', () => {
    const core = coreFiles()
      .map(f => readFileSync(f, 'utf8'))
      .join('\n');
    // esbuild numbers a second createRequire import (createRequire2) when another module has one.
    expect(core).toMatch(/createRequire\d*\(import\.meta\.url\)\("tinyld"\)/);
    expect(core).not.toMatch(/^import[^;]*from\s*"tinyld"/m);
  });

  it('the core process opens the store and answers the first screen before it loads the rest', () => {
    const first = sourcesOf(staticClosure('dist/core/child.mjs'));
    expect(first.some(s => s.endsWith('main/core/first-screen.ts'))).toBe(true);
    expect(first.some(s => s.endsWith('main/store/first-step.ts'))).toBe(true);
    // Neither the whole core, nor the whole command table (every domain's schemas), nor
    // accounts, nor the whole store; and neither zod nor drizzle (#23: ~1 MB to evaluate).
    for (const later of [
      'main/core/core.ts',
      'common/api.ts',
      'main/accounts/manager.ts',
      'main/sync/workspace-sync.ts',
      'main/store/index.ts',
      'main/store/db.ts',
    ])
      expect(first.filter(s => s.endsWith(later))).toEqual([]);
    expect(first.filter(s => /node_modules\/(zod|drizzle-orm)\//.test(s))).toEqual([]);
    // …which come with a chunk the entry imports once the first screen is served.
    expect(sourcesOf(coreFiles()).some(s => s.endsWith('main/core/core.ts'))).toBe(true);
  });
});
