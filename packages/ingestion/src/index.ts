export * from './document-model.ts';
export * from './parsers/index.ts';
export * from './chunking/index.ts';
