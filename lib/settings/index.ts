export * from './auto-backup-outcome';
export * from './repair';
export * from './schema';
export * from './store';
