/**
 * Public surface of the data worker's code for other layers and tests. The
 * main thread talks to the worker through `src/lib/clients/data.ts` instead.
 */
export * from './api';
export { DataEngine } from './engine';
export type { FileStore } from './file-store';
export { MemoryStore } from './memory-store';
export { sanitizeTableName } from './table-name';
