/**
 * The automatic mode: split the customers, prepare features on the training
 * rows only, tune every model kind (or the one the user picked) by
 * cross-validated random search within a time budget, refit the best configuration of each kind on all training rows,
 * and score the test rows. The churn cell (in the training worker) and
 * `npm run evaluate` both call `trainTabular`, so they give the same models.
 */
import { modelOf } from '../index';
import type { Dataset, FitContext, ModelState, Prediction } from '../types';
import { averagePredictions, makeEnsemble } from './ensemble';
import { rowCount, type RawColumn } from '../shared/columns';
import { buildDataset, buildFeatures, encodeTarget, planFeatures, targetClasses } from '../shared/features';
import { inputError } from '../shared/input-error';
import { createRng } from '../shared/random';
import { stratifiedFolds, stratifiedSplit } from '../shared/splits';
import { encodeState } from '../shared/state-json';
import { permutationImportance, selectionScore, testMetrics } from './evaluate';
import { BUDGET_SHARE, SEARCH_SPACES } from './spaces';
import type { LeaderboardRow, TabularKind, TabularRequest, TabularResult, TrainedModel, TrainerContext } from './types';

const AUTO_KINDS: TabularKind[] = ['gbdt', 'logistic', 'forest', 'mlp'];
/** Size of the explanation background sample. */
const BACKGROUND_ROWS = 100;
/** Permutation importance is computed on at most this many test rows. */
const PERMUTATION_ROWS = 3000;

function cancelled(): Error {
	const e = new Error('Cancelled.');
	e.name = 'CancelledError';
	return e;
}

/** Train/test rows from the split column ("train"/"test") or a stratified split. */
function splitRows(raw: RawColumn[], req: TabularRequest, y: Int32Array): { train: Int32Array; test: Int32Array } {
	if (req.splitColumn) {
		const column = raw.find((c) => c.name === req.splitColumn);
		if (!column || column.type !== 'text') throw inputError(`The split column "${req.splitColumn}" must be a text column with the values "train" and "test".`);
		const train: number[] = [];
		const test: number[] = [];
		column.values.forEach((v, r) => {
			if (y[r] < 0) return;
			const value = v?.trim().toLowerCase();
			if (value === 'train') train.push(r);
			else if (value === 'test') test.push(r);
		});
		if (!train.length || !test.length) throw inputError(`The split column "${req.splitColumn}" needs rows marked "train" and rows marked "test".`);
		return { train: Int32Array.from(train), test: Int32Array.from(test) };
	}
	const labelled = Int32Array.from(Array.from(y.keys()).filter((r) => y[r] >= 0));
	const split = stratifiedSplit(Array.from(labelled, (r) => y[r]), req.testFraction, req.seed);
	return { train: Int32Array.from(split.train, (i) => labelled[i]), test: Int32Array.from(split.test, (i) => labelled[i]) };
}

/** Carves a stratified 10 % of `rows` out for early stopping. */
function earlyStoppingRows(y: Int32Array, rows: Int32Array, seed: number): { fit: Int32Array; valid: Int32Array } {
	const split = stratifiedSplit(Array.from(rows, (r) => y[r]), 0.1, seed);
	return { fit: Int32Array.from(split.train, (i) => rows[i]), valid: Int32Array.from(split.test, (i) => rows[i]) };
}

/** The blend of the top 2..n kinds (by CV) whose averaged held-out predictions score best, if it beats every single kind. */
function bestBlend(bestFolds: Map<TabularKind, Prediction[]>, foldSets: Dataset[], leaderboard: LeaderboardRow[], classes: number): { kinds: TabularKind[]; cv: number } | null {
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

/** Reference customers for explanations: a seeded sample of at most BACKGROUND_ROWS training rows. */
function backgroundRows(train: Int32Array, seed: number): Int32Array {
	if (train.length <= BACKGROUND_ROWS) return train;
	const rng = createRng(seed + 7);
	const picked = Array.from(train);
	for (let i = 0; i < BACKGROUND_ROWS; i++) {
		const j = i + Math.floor(rng() * (picked.length - i));
		[picked[i], picked[j]] = [picked[j], picked[i]];
	}
	return Int32Array.from(picked.slice(0, BACKGROUND_ROWS)).sort();
}

/** Only models that stop early need rows held out of their fit; the others learn from every row. */
function usesEarlyStopping(kind: TabularKind, params: Record<string, unknown>): boolean {
	if (kind === 'mlp') return true;
	return kind === 'gbdt' && Number(params.earlyStoppingRounds ?? 0) > 0;
}

export async function trainTabular(raw: RawColumn[], req: TabularRequest, ctx: TrainerContext): Promise<TabularResult> {
	const started = performance.now();
	const budgetMs = Math.max(1, req.budgetS) * 1000;
	const target = raw.find((c) => c.name === req.target);
	if (!target) throw inputError(`There is no column named "${req.target}".`);
	const allRows = Int32Array.from({ length: rowCount(raw) }, (_, i) => i);
	const y0 = encodeTarget(target, targetClasses(target, allRows, req.positive));
	const { train, test } = splitRows(raw, req, y0);
	const plan = planFeatures(raw, { target: req.target, positive: req.positive, trainRows: train, chosen: req.features ?? undefined, keep: req.keep, exclude: req.splitColumn ? [req.splitColumn] : [] });
	const y = encodeTarget(target, plan.classes);
	const testSet = buildDataset(raw, plan, test);
	const warnings: string[] = plan.excluded.map((e) => `"${e.column}" left out: ${e.reason}.`);
	const kinds = req.mode === 'auto' ? AUTO_KINDS : [req.mode];
	const datasetOf = (rows: Int32Array): Dataset => buildDataset(raw, plan, rows);

	/** Fits one configuration on `rows` with early-stopping rows carved out; checks cancellation. */
	const fitOn = async (kind: TabularKind, params: Record<string, unknown>, rows: Int32Array, seed: number, onRound?: FitContext['progress']) => {
		// Let queued messages (a cancel from the page) arrive between fits: a worker only sees them when it yields.
		await new Promise((resolve) => setTimeout(resolve, 0));
		if (ctx.signal.aborted) throw cancelled();
		const base = { seed, signal: ctx.signal, progress: onRound ?? (() => undefined) };
		if (!usesEarlyStopping(kind, params)) return modelOf(kind).fit(datasetOf(rows), params, base);
		const { fit, valid } = earlyStoppingRows(y, rows, seed);
		return modelOf(kind).fit(datasetOf(fit), params, { ...base, validation: datasetOf(valid) });
	};

	const leaderboard: LeaderboardRow[] = [];
	const models: TabularResult['models'] = {};
	const fitted = new Map<TabularKind, { state: ModelState; prediction: Prediction }>();
	// Every kind is cross-validated on the same folds, so their held-out predictions can be blended.
	const folds = stratifiedFolds(y, train, req.cvFolds, req.seed);
	const foldSets = folds.map((fold) => datasetOf(fold.test));
	const bestFolds = new Map<TabularKind, Prediction[]>();
	let spentShare = 0;
	const totalShare = kinds.reduce((s, k) => s + BUDGET_SHARE[k], 0);

	for (const kind of kinds) {
		const model = modelOf(kind);
		const shareStart = spentShare / totalShare;
		const shareSize = BUDGET_SHARE[kind] / totalShare;
		spentShare += BUDGET_SHARE[kind];
		const deadline = started + budgetMs * (shareStart + shareSize) * 0.8; // leave time for the final fits
		const report = (stage: string, within: number) => {
			const fraction = Math.min(0.99, shareStart + shareSize * within);
			const elapsed = (performance.now() - started) / 1000;
			ctx.progress({ fraction, stage: `${model.label}: ${stage}`, etaS: fraction > 0.02 ? (elapsed / fraction) * (1 - fraction) : undefined });
		};

		// Search: cross-validated configurations until this kind's share of the budget is spent.
		let bestParams: Record<string, unknown> = { ...model.defaults };
		let bestCv: number | null = null;
		let trials = 0;
		{
			const space = SEARCH_SPACES[kind];
			const rng = createRng(req.seed + kind.length * 101);
			for (let t = 0; ; t++) {
				const candidate = { ...model.defaults, ...(t < space.first.length ? space.first[t] : space.sample(rng)) };
				let total = 0;
				const foldPredictions: Prediction[] = [];
				for (const [f, fold] of folds.entries()) {
					report(`trial ${t + 1}, fold ${f + 1}/${folds.length}`, Math.min(1, (performance.now() - started) / (deadline - started + 1)));
					const state = await fitOn(kind, candidate, fold.train, req.seed + f);
					const prediction = await model.predict(state, foldSets[f].X);
					foldPredictions.push(prediction);
					total += selectionScore(testMetrics(foldSets[f].y, prediction), plan.classes.length);
				}
				trials++;
				const cv = total / folds.length;
				if (bestCv === null || cv > bestCv) {
					bestCv = cv;
					bestParams = candidate;
					bestFolds.set(kind, foldPredictions);
				}
				if (performance.now() >= deadline || t + 1 >= space.maxTrials) break;
			}
		}

		// Final fit on every training row with the chosen configuration, then the test rows.
		report('final fit', 0.95);
		const fitStart = performance.now();
		const curve: NonNullable<ModelState['curve']> = [];
		const state = await fitOn(kind, bestParams, train, req.seed, (p) => {
			if (p.curve) curve.push(p.curve);
			report(p.stage, 0.95 + 0.05 * p.fraction);
		});
		const fitMs = performance.now() - fitStart;
		const prediction = await model.predict(state, testSet.X);
		const metrics = testMetrics(testSet.y, prediction);
		const explanation = await model.explain(state, testSet.X);
		const sample = testSet.X.rows > PERMUTATION_ROWS ? Int32Array.from({ length: PERMUTATION_ROWS }, (_, i) => Math.floor((i * testSet.X.rows) / PERMUTATION_ROWS)) : null;
		const permX = sample ? buildFeatures(raw, plan.features, Int32Array.from(sample, (i) => test[i])) : testSet.X;
		const permY = sample ? Int32Array.from(sample, (i) => testSet.y[i]) : testSet.y;
		const base = selectionScore(testMetrics(permY, await model.predict(state, permX)), plan.classes.length);
		const permutation = await permutationImportance((X) => model.predict(state, X), permX, permY, base, req.seed, ctx.signal);
		if (ctx.signal.aborted) throw cancelled();
		fitted.set(kind, { state, prediction });
		models[kind] = {
			state: encodeState(state),
			testProbabilities: Array.from(prediction.probabilities),
			importance: explanation.importance,
			importanceMethod: explanation.method,
			permutation,
			curve: state.curve ?? curve
		} satisfies TrainedModel;
		leaderboard.push({ kind, label: model.label, params: bestParams, cvScore: bestCv, trials, fitMs, ...metrics });
	}

	const blend = bestBlend(bestFolds, foldSets, leaderboard, plan.classes.length);
	if (blend) {
		const members = blend.kinds.map((kind) => ({ kind, ...fitted.get(kind)! }));
		const prediction = averagePredictions(members.map((m) => m.prediction));
		models.ensemble = {
			state: encodeState(makeEnsemble(members.map((m) => ({ kind: m.kind, state: m.state })))),
			testProbabilities: Array.from(prediction.probabilities),
			importance: [],
			importanceMethod: '',
			permutation: [],
			curve: []
		};
		const fitMs = leaderboard.filter((r) => (blend.kinds as string[]).includes(r.kind)).reduce((s, r) => s + r.fitMs, 0);
		leaderboard.push({ kind: 'ensemble', label: `Ensemble (${blend.kinds.map((k) => modelOf(k).label).join(' + ')})`, params: { members: blend.kinds }, cvScore: blend.cv, trials: 0, fitMs, ...testMetrics(testSet.y, prediction) });
	}

	// The best model is chosen by cross-validation (never by the test rows); without CV, by test score.
	const ranked = [...leaderboard].sort((a, b) => (b.cvScore ?? selectionScore(b, plan.classes.length)) - (a.cvScore ?? selectionScore(a, plan.classes.length)));
	ctx.progress({ fraction: 1, stage: 'Done' });
	return {
		task: plan.classes.length === 2 ? 'binary' : 'multiclass',
		target: req.target,
		classes: plan.classes,
		features: plan.features,
		excluded: plan.excluded,
		leaderboard,
		best: ranked[0].kind,
		models,
		testLabels: Array.from(testSet.y),
		nTrain: train.length,
		nTest: testSet.y.length,
		background: encodeState(buildFeatures(raw, plan.features, backgroundRows(train, req.seed))),
		warnings,
		request: req
	};
}
