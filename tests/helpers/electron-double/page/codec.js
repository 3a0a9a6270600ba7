// The double's wire format between Node and the page (CDP carries strings only): values
// that already passed a structured clone are written as tagged JSON so that what the
// receiver rebuilds is what a structured clone would have delivered. Plain JS with no
// imports: Node evaluates this text with vm, the page gets it inside its world scripts.
// Not modelled: shared references and cycles (a clone keeps them; this writes trees).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the script that embeds this file
function electronDoubleCodec() {
  const TYPED = [
    'Int8Array',
    'Uint8Array',
    'Uint8ClampedArray',
    'Int16Array',
    'Uint16Array',
    'Int32Array',
    'Uint32Array',
    'Float32Array',
    'Float64Array',
    'BigInt64Array',
    'BigUint64Array',
  ];
  const tag = Object.prototype.toString;
  function enc(v) {
    if (v === undefined) return { $: 'u' };
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return { $: 'nan' };
      if (!Number.isFinite(v)) return { $: v > 0 ? 'inf' : '-inf' };
      return Object.is(v, -0) ? { $: '-0' } : v;
    }
    if (typeof v === 'bigint') return { $: 'big', v: v.toString() };
    if (v === null || typeof v !== 'object') return v;
    const kind = tag.call(v).slice(8, -1);
    if (Array.isArray(v)) return v.map(enc);
    if (kind === 'Date') return { $: 'date', v: v.getTime() };
    if (kind === 'RegExp') return { $: 're', s: v.source, f: v.flags };
    if (kind === 'Map') return { $: 'map', v: [...v].map(([k, x]) => [enc(k), enc(x)]) };
    if (kind === 'Set') return { $: 'set', v: [...v].map(enc) };
    if (kind === 'ArrayBuffer') return { $: 'ab', v: [...new Uint8Array(v)] };
    if (TYPED.includes(kind))
      return { $: 'ta', k: kind, v: [...v].map(x => (typeof x === 'bigint' ? x.toString() : x)) };
    if (kind === 'Error') return { $: 'err', n: v.name, m: v.message };
    const out = {};
    for (const k of Object.keys(v)) out[k] = enc(v[k]);
    return { $: 'o', v: out };
  }
  function dec(v) {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(dec);
    switch (v.$) {
      case 'u':
        return undefined;
      case 'nan':
        return NaN;
      case 'inf':
        return Infinity;
      case '-inf':
        return -Infinity;
      case '-0':
        return -0;
      case 'big':
        return BigInt(v.v);
      case 'date':
        return new Date(v.v);
      case 're':
        return new RegExp(v.s, v.f);
      case 'map':
        return new Map(v.v.map(([k, x]) => [dec(k), dec(x)]));
      case 'set':
        return new Set(v.v.map(dec));
      case 'ab':
        return new Uint8Array(v.v).buffer;
      case 'ta': {
        const Ctor = globalThis[v.k];
        return new Ctor(v.k.startsWith('Big') ? v.v.map(x => BigInt(x)) : v.v);
      }
      case 'err': {
        const e = new Error(v.m);
        e.name = v.n;
        return e;
      }
      case 'o': {
        const out = {};
        for (const k of Object.keys(v.v)) out[k] = dec(v.v[k]);
        return out;
      }
      default:
        throw new Error('electron double: unknown wire tag');
    }
  }
  return {
    /** Clone first (throws DataCloneError on a function, like Electron), then write. */
    encode: value => JSON.stringify(enc(structuredClone(value))),
    decode: text => dec(JSON.parse(text)),
  };
}
