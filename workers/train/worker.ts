/** Training worker entry: builds the engine for the browser and exposes it. Logic lives in engine.ts. */
// First import: no library below may capture an unguarded fetch or XMLHttpRequest.
import '../shared/network-guard';
import * as Comlink from 'comlink';
import { browserEnv } from './browser-env';
import { TrainEngine } from './engine';

Comlink.expose(new TrainEngine(browserEnv()));
