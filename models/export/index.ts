/**
 * Production exports of tabular models: ONNX for every kind (preprocessing in
 * the graph), XGBoost's JSON for boosted trees, and `features.json`, which
 * says how a scoring engine feeds them.
 */
export { exportOnnx } from './onnx-export';
export { onnxInputNames } from './input-names';
export { pipelineSpec, PIPELINE_FORMAT, ONNX_FILE, XGBOOST_FILE, ONNX_OUTPUT, type PipelineSpec, type PipelineColumn } from './pipeline-spec';
export { productionBundle, type BundleFiles, type BundleRequest } from './bundle';
