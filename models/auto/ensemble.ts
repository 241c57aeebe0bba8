/**
 * An equal-weight blend of the best configuration of several model kinds:
 * the automatic mode keeps it when its cross-validated score beats every
 * single model (averaging trees with a linear model often helps on customer tables).
 */
import { modelOf } from '../index';
import type { Dataset, Features, ModelState, Prediction } from '../types';
import { MODEL_CATALOG, TABULAR_BLEND_KIND, type TabularKind } from '../catalog';
import { encodeState } from '../shared/state-json';
import { meanImportance, selectionScore, testMetrics } from './evaluate';
import type { FinalResult } from './final';
import type { LeaderboardRow } from './types';

export const ENSEMBLE_KIND = TABULAR_BLEND_KIND;

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

/** The blend of the top 2..n kinds (by CV) whose averaged held-out predictions score best, if it beats every single kind. */
export function bestBlend(bestFolds: Map<TabularKind, Prediction[]>, foldSets: Dataset[], leaderboard: LeaderboardRow[], classes: number): { kinds: TabularKind[]; cv: number } | null {
	const ranked = leaderboard.filter((r) => r.cvScore !== null && bestFolds.has(r.kind as TabularKind)).sort((a, b) => b.cvScore! - a.cvScore!);
	if (ranked.length < 2) return null;
	let best: { kinds: TabularKind[]; cv: number } | null = null;
	for (let size = 2; size <= ranked.length; size++) {
		const kinds = ranked.slice(0, size).map((r) => r.kind as TabularKind);
		const cv =
			foldSets.reduce((sum, fold, f) => sum + selectionScore(testMetrics(fold.y, averagePredictions(kinds.map((k) => bestFolds.get(k)![f]))), classes), 0) / foldSets.length;
		if (!best || cv > best.cv) best = { kinds, cv };
	}
	return best && best.cv > ranked[0].cvScore! ? best : null;
}

/**
 * Adds the blend to the final fits' leaderboard and models when its cross-validated score beats
 * every single kind (same folds for every kind, so their held-out predictions can be averaged).
 */
export function addBestBlend(finals: FinalResult, foldSets: Dataset[], testY: Int32Array, classes: number): void {
	const { leaderboard, models, fitted } = finals;
	const blend = bestBlend(finals.bestFolds, foldSets, leaderboard, classes);
	if (!blend) return;
	const members = blend.kinds.map((kind) => ({ kind, ...fitted.get(kind)! }));
	const prediction = averagePredictions(members.map((m) => m.prediction));
	const ensemble = makeEnsemble(members.map((m) => ({ kind: m.kind, state: m.state })));
	models[ENSEMBLE_KIND] = {
		// The members are encoded already: encode only the shell around them.
		state: { ...(encodeState({ ...ensemble, members: [] }) as object), members: members.map((m) => ({ kind: m.kind, state: models[m.kind]!.state })) },
		testProbabilities: Array.from(prediction.probabilities),
		importance: [],
		importanceMethod: '',
		permutation: meanImportance(members.map((m) => models[m.kind]!.permutation)),
		curve: []
	};
	const fitMs = leaderboard.filter((r) => (blend.kinds as string[]).includes(r.kind)).reduce((s, r) => s + r.fitMs, 0);
	const label = `${MODEL_CATALOG[ENSEMBLE_KIND].label} (${blend.kinds.map((k) => modelOf(k).label).join(' + ')})`;
	leaderboard.push({ kind: ENSEMBLE_KIND, label, params: { members: blend.kinds }, cvScore: blend.cv, trials: 0, fitMs, ...testMetrics(testY, prediction) });
}
