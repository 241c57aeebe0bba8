/**
 * The automatic mode: split the customers, prepare features on the training
 * rows only, tune every model kind (or the one the user picked) by
 * cross-validated random search, refit the best configuration of each kind on all training rows,
 * and score the test rows, all within the time budget (search.ts: the search stops early enough
 * for the final fits it has reserved time for). The churn cell (in the training worker) and
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
import { meanImportance, selectionScore, testMetrics } from './evaluate';
import { BudgetClock } from './budget';
import { CostModel } from './cost';
import { budgetedSearch } from './search';
import { evaluateFinal, evaluationRows } from './final';
import type { LeaderboardRow, TabularKind, TabularRequest, TabularResult, TrainedModel, TrainerContext } from './types';
import { nextTask } from '../shared/next-task';
import { cancelledError } from '../shared/cancel';

const AUTO_KINDS: TabularKind[] = ['gbdt', 'logistic', 'forest', 'mlp'];
/** Size of the explanation background sample. */
const BACKGROUND_ROWS = 100;

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
	// The budget counts from here: preparing the features, the search, the final fits and the report.
	const clock = new BudgetClock(req.budgetS);
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
	const fitOn = async (kind: TabularKind, params: Record<string, unknown>, rows: Int32Array, seed: number, stopAt: number, onRound?: FitContext['progress']) => {
		// Let queued messages (a cancel from the page) arrive between fits: a worker only sees them when it yields.
		await nextTask();
		if (ctx.signal.aborted) throw cancelledError();
		const base = { seed, signal: ctx.signal, stopAt, progress: onRound ?? (() => undefined) };
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
	const costs = new CostModel(req.cvFolds / Math.max(1, req.cvFolds - 1), evaluationRows(testSet.X.rows, plan.features.length));
	const report = (stage: string, plannedEnd: number) => ctx.progress({ stage, ...clock.progress(plannedEnd) });

	const { chosen, skipped } = await budgetedSearch({
		kinds,
		folds,
		foldSets,
		classes: plan.classes.length,
		seed: req.seed,
		clock,
		costs,
		fit: fitOn,
		report
	});
	const bestFolds = new Map<TabularKind, Prediction[]>();

	// Final fit of each kind's chosen configuration on every training row, then the test rows, in the time
	// reserved for them. Best CV first: should the machine slow down (estimates are measurements, a shared
	// machine varies), it is a weaker kind that is left out rather than the best one cut short.
	const queue = [...chosen].sort((a, b) => b.cvScore - a.cvScore);
	for (const [i, choice] of queue.entries()) {
		const { kind, params: bestParams } = choice;
		const model = modelOf(kind);
		if (leaderboard.length && clock.now() + costs.reservedFor([kind]) > clock.workEnd) {
			skipped.push(kind);
			continue;
		}
		const plannedEnd = () => clock.now() + costs.reservedFor(queue.slice(i).map((c) => c.kind)) + (clock.deadline - clock.workEnd);
		report(`${model.label}: final fit`, plannedEnd());
		const fitStart = performance.now();
		const curve: NonNullable<ModelState['curve']> = [];
		const state = await fitOn(kind, bestParams, train, req.seed, clock.workEnd - costs.evalEstimate(costs.predictMsPerRow(kind)), (p) => {
			if (p.curve) curve.push(p.curve);
			report(`${model.label}: ${p.stage}`, plannedEnd());
		});
		const fitMs = performance.now() - fitStart;
		// Encoded before the test rows, whose permutation importance fits itself into the time that is left.
		const encoded = encodeState(state);
		report(`${model.label}: test rows`, plannedEnd());
		const { prediction, metrics, explanation, permutation } = await evaluateFinal({
			kind,
			state,
			raw,
			plan,
			test,
			testSet,
			seed: req.seed,
			signal: ctx.signal,
			// Within what is left after the next kinds' reservations; if this fit ran over, its own share up to the end (the next kinds then make way).
			stopAt: Math.max(clock.workEnd - costs.reservedFor(queue.slice(i + 1).map((c) => c.kind)), Math.min(clock.workEnd, clock.now() + costs.evalEstimate(costs.predictMsPerRow(kind))))
		});
		if (ctx.signal.aborted) throw cancelledError();
		fitted.set(kind, { state, prediction });
		if (choice.foldPredictions) bestFolds.set(kind, choice.foldPredictions);
		models[kind] = {
			state: encoded,
			testProbabilities: Array.from(prediction.probabilities),
			importance: explanation.importance,
			importanceMethod: explanation.method,
			permutation,
			curve: state.curve ?? curve
		} satisfies TrainedModel;
		leaderboard.push({ kind, label: model.label, params: bestParams, cvScore: choice.cvScore, trials: choice.trials, fitMs, ...metrics });
	}

	leaderboard.sort((a, b) => kinds.indexOf(a.kind as TabularKind) - kinds.indexOf(b.kind as TabularKind));
	for (const kind of skipped) warnings.push(`${modelOf(kind).label} left out: the ${req.budgetS} s budget had no room for it.`);

	const blend = bestBlend(bestFolds, foldSets, leaderboard, plan.classes.length);
	if (blend) {
		const members = blend.kinds.map((kind) => ({ kind, ...fitted.get(kind)! }));
		const prediction = averagePredictions(members.map((m) => m.prediction));
		const ensemble = makeEnsemble(members.map((m) => ({ kind: m.kind, state: m.state })));
		models.ensemble = {
			// The members are encoded already: encode only the shell around them.
			state: { ...(encodeState({ ...ensemble, members: [] }) as object), members: members.map((m) => ({ kind: m.kind, state: models[m.kind]!.state })) },
			testProbabilities: Array.from(prediction.probabilities),
			importance: [],
			importanceMethod: '',
			permutation: meanImportance(members.map((m) => models[m.kind]!.permutation)),
			curve: []
		};
		const fitMs = leaderboard.filter((r) => (blend.kinds as string[]).includes(r.kind)).reduce((s, r) => s + r.fitMs, 0);
		leaderboard.push({ kind: 'ensemble', label: `Ensemble (${blend.kinds.map((k) => modelOf(k).label).join(' + ')})`, params: { members: blend.kinds }, cvScore: blend.cv, trials: 0, fitMs, ...testMetrics(testSet.y, prediction) });
	}

	// The best model is chosen by cross-validation (never by the test rows); without CV, by test score.
	const ranked = [...leaderboard].sort((a, b) => (b.cvScore ?? selectionScore(b, plan.classes.length)) - (a.cvScore ?? selectionScore(a, plan.classes.length)));
	ctx.progress({ fraction: 1, stage: 'Done', etaS: 0 });
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
		request: req,
		budget: { budgetS: req.budgetS, spentS: clock.elapsed() / 1000, skipped: skipped.map((kind) => ({ kind, label: modelOf(kind).label })) }
	};
}
