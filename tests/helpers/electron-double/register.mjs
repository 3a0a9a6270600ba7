// node --import ./register.mjs dist/app/main.mjs (beside the bundled double, see launch.ts): makes `electron` the double
// for both import (ESM resolve hook) and require (CommonJS resolver), with no change to the
// product's code. Plain JS: it runs before any loader for TypeScript could.
import Module from 'node:module';
import { fileURLToPath } from 'node:url';

Module.register(new URL('./hooks.mjs', import.meta.url));

const cjsEntry = fileURLToPath(new URL('./electron.cjs', import.meta.url));
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveElectron(request, ...rest) {
  return request === 'electron' ? cjsEntry : resolve.call(this, request, ...rest);
};
