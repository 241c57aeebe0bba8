/**
 * The part of the clustering models' public surface that loads no
 * TensorFlow.js, for the page's main thread; `$models/cluster` (k-means,
 * silhouette, PCA) stays in the worker.
 */
export { defaultClusterColumns, ID_NAME_REASON } from './default-columns';
