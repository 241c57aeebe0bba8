/**
 * What the explanation views draw: one model's SHAP values on the user's
 * original columns in probability units, as the training worker returns them
 * (see `ExplainData` in workers/train/api.ts).
 */
export type { ExplainData } from '$workers/train/api';
export type { Reason } from '$models/explain/types';
