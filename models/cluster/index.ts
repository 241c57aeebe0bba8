/** Customer segmentation: k-means, silhouettes, choosing k, PCA maps and feature preparation. */
export { assignToNearest, assignRows, squaredDistances, rowNorms, denseOf, type Assignment, type DenseMatrix, type MatrixInput } from './distances';
export { kmeans, MINI_BATCH_ROWS, type KMeansOptions, type KMeansResult } from './kmeans';
export { kmeansPlusPlus } from './kmeans-init';
export { silhouette, SILHOUETTE_MAX_ROWS, type SilhouetteOptions, type SilhouetteResult } from './silhouette';
export { chooseK, elbowOf, type ChooseKOptions, type ChooseKResult, type KCandidate } from './choose-k';
export { pca2d, type Pca2d } from './pca';
export { planClusterFeatures, prepareClusterMatrix, encodeForClustering, prepareFromRaw, type ClusterFeaturePlan, type PreparedMatrix } from './prepare';
export { adjustedRandIndex } from './metrics';
export { defaultClusterColumns, ID_NAME_REASON } from './default-columns';
