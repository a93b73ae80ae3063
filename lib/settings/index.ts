export * from './repair';
export * from './schema';
export * from './store';
