/**
 * Public entry of models/shared: the pieces every learner, worker and view
 * shares. Plain TypeScript, no TensorFlow.js, so the page may import it.
 */
export * from './metrics';
export * from './cancel';
