// A Node worker thread cannot load TypeScript by itself: register tsx, then start the entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
