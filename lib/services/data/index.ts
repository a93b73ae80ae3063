export * from './erase';
export * from './export';
export * from './import';
export * from './import-types';
export { personCounts, type StoreCounts, storeCounts } from './rows';
