/**
 * `npm run dist` cannot run here (electron-builder downloads Electron), so the packaging
 * configuration is pinned by reading it: the targets the issue names, what ships, the icon
 * electron-builder derives every platform's icon from, and the macOS signing setup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('packaging configuration', () => {
  it('builds NSIS, dmg + zip, AppImage + deb under a fixed app id', () => {
    expect(yml).toMatch(/^appId: app\.blazz\.desk$/m);
    expect(yml).toMatch(/win:\n\s+target: \[nsis\]/);
    expect(yml).toMatch(/mac:[\s\S]*?target: \[dmg, zip\]/);
    expect(yml).toMatch(/linux:[\s\S]*?target: \[AppImage, deb\]/);
  });

  it('ships only bundles and production modules, never sources or better-sqlite3’s Node build', () => {
    const files = /^files:\n((?:\s+- .*\n|\s+#.*\n)+)/m.exec(yml)?.[1] ?? '';
    const included = files.split('\n').filter(l => /^\s+- '?[^'!#]/.test(l));
    expect(included.map(l => l.trim())).toEqual(['- package.json', '- dist/**/*']);
    expect(files).toContain("'!**/node_modules/better-sqlite3/{build,deps,src}/**'");
  });

  it('loads Electron’s better-sqlite3 from resources/native, never rebuilding node_modules', () => {
    expect(yml).toMatch(/^npmRebuild: false$/m);
    expect(yml).toMatch(
      /- from: \.electron-native\/\$\{os\}-\$\{arch\}\/\n\s+to: native\/\n\s+filter: \[better_sqlite3\.node\]/,
    );
  });

  it('has an icon large enough for every platform (≥ 512 px, square)', () => {
    expect(yml).toMatch(/^icon: build\/icon\.png$/m);
    const { width, height } = pngSize(join(root, 'build', 'icon.png'));
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('is ready for macOS signing: hardened runtime with the entitlements Electron needs', () => {
    expect(yml).toMatch(/hardenedRuntime: true/);
    const plist = readFileSync(join(root, 'build', 'entitlements.mac.plist'), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
  });

  it('publishes update metadata for a generic feed, checked only when the app’s setting is on', () => {
    expect(yml).toMatch(/publish:\n\s+provider: generic\n\s+url: \$\{env\.BLAZZ_UPDATE_URL\}/);
  });
});
