// The order between main/ folders, checked through the repository's real eslint.config.js
// (rule: scripts/eslint-main-layers.mjs) on probe files that exist only in memory.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter(m => m.ruleId === 'blazz/main-layers').map(m => m.message);
}

describe('main/ layers', () => {
  it('keeps store, accounts, ai and sync from importing the core or the shells', async () => {
    expect(await layerErrors('main/store/probe.ts', "import { x } from '../core/router';")).toEqual([
      'main/store may not import main/core (allowed: platform); see docs/architecture.md.',
    ]);
    expect(await layerErrors('main/accounts/probe.ts', "import { x } from '../host/host';")).toHaveLength(1);
    expect(await layerErrors('main/ai/probe.ts', "import { x } from '../app/window';")).toHaveLength(1);
    expect(await layerErrors('main/sync/probe.ts', "import { x } from '../core/core';")).toHaveLength(1);
  });

  it('keeps the services from importing each other', async () => {
    expect(await layerErrors('main/accounts/probe.ts', "import { x } from '../sync/apply';")).toHaveLength(1);
    expect(await layerErrors('main/ai/probe.ts', "import { x } from '../accounts/manager';")).toHaveLength(1);
    expect(await layerErrors('main/store/probe.ts', "import { x } from '../ai/service';")).toHaveLength(1);
  });

  it('lets sync use only the types of the store entry (its declared port)', async () => {
    expect(await layerErrors('main/sync/probe.ts', "import type { x } from '../store';")).toEqual([]);
    expect(await layerErrors('main/sync/probe.ts', "import { x } from '../store';")).toEqual([
      'main/sync may import only types from main/store/index.ts (its declared port).',
    ]);
    expect(await layerErrors('main/sync/probe.ts', "import type { x } from '../store/db';")).toHaveLength(1);
  });

  it('resolves paths from the importing file, at any depth', async () => {
    expect(await layerErrors('main/sync/deep/probe.ts', "import { x } from '../../core/log';")).toHaveLength(1);
    // main/sync/deep/core would be sync's own folder, not main/core
    expect(await layerErrors('main/sync/deep/probe.ts', "import { x } from '../core/log';")).toEqual([]);
  });

  it('keeps platform below everything and the core below the shells', async () => {
    expect(await layerErrors('main/platform/probe.ts', "import { x } from '../store';")).toHaveLength(1);
    expect(await layerErrors('main/core/probe.ts', "import { x } from '../host/host';")).toHaveLength(1);
    expect(await layerErrors('main/core/probe.ts', "import { x } from '../store';")).toEqual([]);
    expect(await layerErrors('main/host/probe.ts', "import { x } from '../core/core';")).toEqual([]);
    expect(await layerErrors('main/accounts/probe.ts', "import { x } from '../platform/log';")).toEqual([]);
  });

  it('makes a new main/ folder declare where it sits', async () => {
    expect(await layerErrors('main/newcomer/probe.ts', "import { x } from '../platform/log';")).toEqual([
      'main/newcomer is not in MAIN_LAYERS (scripts/eslint-main-layers.mjs): declare what it may import.',
    ]);
  });
});
