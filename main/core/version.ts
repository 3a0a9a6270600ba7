// Replaced at build time with package.json's version; sources run under tsx say 'dev'.
declare const __BLAZZ_VERSION__: string | undefined;

export const APP_VERSION: string = typeof __BLAZZ_VERSION__ === 'string' ? __BLAZZ_VERSION__ : '0.0.0-dev';
