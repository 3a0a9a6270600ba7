// require('electron') under the double (electron-updater requires it lazily): the one
// instance the ESM side created, read at each access so load order does not matter.
module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      const double = globalThis.__blazzElectronDouble;
      if (!double) throw new Error('electron double: required before main imported electron');
      return double[key];
    },
  },
);
