export * from './vector-store.ts';
