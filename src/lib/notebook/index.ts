export * from './types';
export * from './ops';
export * from './serialize';
export { newId } from './ids';
