// ESM resolve hook (runs on Node's loader thread): `import … from 'electron'` → the double.
const DOUBLE = new URL('./index.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: DOUBLE, shortCircuit: true };
  return next(specifier, context);
}
