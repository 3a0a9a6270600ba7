/**
 * electron-builder.yml as data, for the packaging tests: parsed with js-yaml (electron-builder's
 * own parser) and checked with zod, so a test reads the values electron-builder would, not
 * regular expressions over the text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';

const require = createRequire(import.meta.url);
// js-yaml ships no types; its load() returns whatever the document holds.
const yaml = require('js-yaml') as { load(text: string): unknown };

const fileSet = z.union([
  z.string(),
  z.strictObject({
    from: z.string(),
    to: z.string().optional(),
    filter: z.union([z.string(), z.array(z.string())]).optional(),
  }),
]);
export type FileSet = z.infer<typeof fileSet>;

const configSchema = z
  .object({
    files: z.array(fileSet),
    extraResources: z.array(fileSet).default([]),
    asarUnpack: z.array(z.string()).default([]),
    electronFuses: z.record(z.string(), z.boolean()).optional(),
  })
  .passthrough();
export type BuilderConfig = z.infer<typeof configSchema>;

export const ROOT = process.cwd();

export function readBuilderConfig(file = join(ROOT, 'electron-builder.yml')): BuilderConfig {
  return configSchema.parse(yaml.load(readFileSync(file, 'utf8')));
}

/** The option names electron-builder's own JSON schema allows under `electronFuses`. */
export function knownFuseOptions(): string[] {
  const schema = z
    .object({ definitions: z.object({ FuseOptionsV1: z.object({ properties: z.record(z.string(), z.unknown()) }) }) })
    .parse(JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')));
  return Object.keys(schema.definitions.FuseOptionsV1.properties);
}
