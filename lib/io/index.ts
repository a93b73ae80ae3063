// Issue 8's file formats. Pure functions: text in, data out (or data in, text out); the caller reads the
// file, passes `now`, and writes to the store.
export * from './backup-format';
export * from './backup-schema';
export * from './csv-export';
export * from './dates';
export * from './file-exports';
export * from './linkedin-connections';
export * from './person-export';
export type { LineProblem } from './problems';
export * from './safe-json';
export * from './vcard';
