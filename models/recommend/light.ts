/**
 * What the page may import of the recommenders without TensorFlow.js: the
 * request and result types and the "owned" rule of wide item columns.
 */
export type { OwnershipMatrix, RecommendData, RecommendMetric, RecommendRequest, RecommendResult, TopItems } from './types';
export { isOwnedValue } from './ownership';
