/** Shared histogram tree builder for gradient boosting and random forests. */
export { fitBinning, applyBinning, type BinnedMatrix, type FeatureBinning } from './binning';
export { growTree, createScratch, type GrowOptions, type GrowScratch } from './builder';
export { TrainTree } from './train-tree';
export { EnsembleWriter, leafOf, type TreeEnsemble } from './ensemble';
export { alignFeatures, describeFeatures, matchColumns, validateDataset, type AlignedRows } from './align';
export { cancelledError, throwIfAborted, createYielder } from '../cancel';
export { importanceByColumn } from './importance';
export { prepareTreeFit } from './prepare';
