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
export { checkKMeansState, KMEANS_DEFAULTS, kmeansModel, type ClusterFitContext, type ClusterModelSpec, type KMeansParams, type KMeansState } from './model';

import type { ClusterKind } from '../catalog';
import { kmeansModel } from './model';

/** The clustering registry: one line per clustering kind of the catalogue (family 'cluster'). */
export const CLUSTER_MODELS = {
	kmeans: kmeansModel
} as const satisfies Record<ClusterKind, unknown>;

export function clusterModelOf(kind: string): (typeof CLUSTER_MODELS)[ClusterKind] {
	if (!Object.hasOwn(CLUSTER_MODELS, kind)) throw new Error(`invalid cluster model kind: ${kind}`);
	return CLUSTER_MODELS[kind as ClusterKind];
}
