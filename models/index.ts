/**
 * The model registry: one line per tabular learner of the catalogue
 * (`catalog.ts`, which says everything else about each kind). Keys are
 * persisted in notebooks and model files: never rename one.
 */
import type { TabularKind } from './catalog';
import { forestModel } from './forest';
import { gbdtModel } from './gbdt';
import { logisticModel } from './logistic';
import { mlpModel } from './mlp';
import type { Features, FitContext, ModelSpec, ModelState, Prediction, Explanation, Dataset } from './types';

export const MODELS = {
	gbdt: gbdtModel,
	forest: forestModel,
	logistic: logisticModel,
	mlp: mlpModel
} as const satisfies Record<TabularKind, unknown>;

export type ModelKind = keyof typeof MODELS;

/** The registry seen through the contract alone (params and states as plain records). */
export interface AnyModel {
	kind: string;
	label: string;
	defaults: Record<string, unknown>;
	fit(data: Dataset, params: Record<string, unknown>, ctx: FitContext): Promise<ModelState>;
	predict(state: ModelState, X: Features): Promise<Prediction>;
	explain(state: ModelState, X: Features): Promise<Explanation>;
}

export function modelOf(kind: string): AnyModel {
	if (!Object.hasOwn(MODELS, kind)) throw new Error(`invalid model kind: ${kind}`);
	return MODELS[kind as ModelKind] as unknown as AnyModel;
}

export type { ModelSpec };
export * from './types';
export * from './catalog';
