/**
 * An equal-weight blend of the best configuration of several model kinds:
 * the automatic mode keeps it when its cross-validated score beats every
 * single model (averaging trees with a linear model often helps on customer tables).
 */
import { modelOf } from '../index';
import type { Features, ModelState, Prediction } from '../types';

export const ENSEMBLE_KIND = 'ensemble';

export interface EnsembleState extends ModelState {
	kind: typeof ENSEMBLE_KIND;
	members: { kind: string; state: ModelState }[];
}

export function isEnsemble(state: ModelState): state is EnsembleState {
	return state.kind === ENSEMBLE_KIND;
}

/**
 * Blend of several predictions (same rows, same classes): the normalised geometric mean of the
 * probabilities, which for two classes is the mean of the log-odds. Unlike a plain mean, a
 * confident member is not washed out by an unsure one.
 */
export function averagePredictions(predictions: Prediction[]): Prediction {
	const k = predictions[0].classes.length;
	const probabilities = new Float64Array(predictions[0].probabilities.length);
	for (const p of predictions) for (let i = 0; i < probabilities.length; i++) probabilities[i] += Math.log(Math.max(1e-12, p.probabilities[i])) / predictions.length;
	for (let r = 0; r < probabilities.length / k; r++) {
		let max = -Infinity;
		for (let c = 0; c < k; c++) max = Math.max(max, probabilities[r * k + c]);
		let sum = 0;
		for (let c = 0; c < k; c++) sum += probabilities[r * k + c] = Math.exp(probabilities[r * k + c] - max);
		for (let c = 0; c < k; c++) probabilities[r * k + c] /= sum;
	}
	return { classes: predictions[0].classes, probabilities };
}

export function makeEnsemble(members: { kind: string; state: ModelState }[]): EnsembleState {
	const first = members[0].state;
	return { kind: ENSEMBLE_KIND, version: 1, classes: first.classes, features: first.features, members };
}

/** Predicts with any fitted state: one model of the registry, or an ensemble of them. */
export async function predictAny(state: ModelState, X: Features): Promise<Prediction> {
	if (!isEnsemble(state)) return modelOf(state.kind).predict(state, X);
	return averagePredictions(await Promise.all(state.members.map((m) => modelOf(m.kind).predict(m.state, X))));
}
