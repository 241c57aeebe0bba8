/** Training worker entry: builds the engine for the browser and exposes it. Logic lives in engine.ts. */
import * as Comlink from 'comlink';
import { browserEnv } from './browser-env';
import { TrainEngine } from './engine';

Comlink.expose(new TrainEngine(browserEnv()));
