/**
 * The automatic mode: split the customers, prepare features on the training
 * rows only, tune every model kind (or the one the user picked) by
 * cross-validated random search (search.ts), refit the best configuration of each kind on all training
 * rows and score the test rows (final.ts), and blend the best kinds when that helps (ensemble.ts), all
 * within the time budget (the search stops early enough for the final fits it has reserved time for).
 * The churn cell (in the training worker) and `npm run evaluate` both call `trainTabular`, so they give
 * the same models.
 */
import { AUTO_KINDS } from '../catalog';
import { fitRows } from './fold-fit';
import { modelOf } from '../index';
import type { Dataset, FitContext } from '../types';
import { addBestBlend } from './ensemble';
import type { RawColumn } from '../shared/columns';
import { buildDataset, buildFeatures, encodeTarget, planFeatures } from '../shared/features';
import { createRng } from '../shared/random';
import { stratifiedFolds } from '../shared/splits';
import { encodeState } from '../shared/state-json';
import { selectionScore } from './evaluate';
import { BudgetClock } from './budget';
import { CostModel } from './cost';
import { budgetedSearch } from './search';
import { FoldThreads } from './fold-threads';
import { evaluationRows, fitFinals } from './final';
import { splitRows, targetCodes } from './split-rows';
import type { TabularKind, TabularRequest, TabularResult, TrainerContext } from './types';
import { yieldAndCheck } from '../shared/cancel';
import { P } from '../shared/progress-words';
import { kindLabel } from '../labels';

/** Size of the explanation background sample. */
const BACKGROUND_ROWS = 100;

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

export async function trainTabular(raw: RawColumn[], req: TabularRequest, ctx: TrainerContext): Promise<TabularResult> {
	// The budget counts from here: preparing the features, the search, the final fits and the report.
	const clock = new BudgetClock(req.budgetS);
	const { train, test } = splitRows(raw, req, targetCodes(raw, req));
	const plan = planFeatures(raw, { target: req.target, positive: req.positive, trainRows: train, chosen: req.features ?? undefined, keep: req.keep, exclude: req.splitColumn ? [req.splitColumn] : [] });
	const y = encodeTarget(raw.find((c) => c.name === req.target)!, plan.classes);
	const testSet = buildDataset(raw, plan, test);
	const warnings: string[] = plan.excluded.map((e) => `"${e.column}" left out: ${e.reason}.`);
	const kinds: TabularKind[] = req.mode === 'auto' ? [...AUTO_KINDS] : [req.mode];
	const datasetOf = (rows: Int32Array): Dataset => buildDataset(raw, plan, rows);

	/** Fits one configuration on `rows` with early-stopping rows carved out; checks cancellation. */
	const fitOn = async (kind: TabularKind, params: Record<string, unknown>, rows: Int32Array, seed: number, stopAt: number, onRound?: FitContext['progress']) => {
		// Let queued messages (a cancel from the page) arrive between fits: a worker only sees them when it yields.
		await yieldAndCheck(ctx.signal);
		return fitRows(modelOf(kind), params, rows, y, datasetOf, { seed, signal: ctx.signal, stopAt, threads: ctx.threads, progress: onRound ?? (() => undefined) });
	};

	// Every kind is cross-validated on the same folds, so their held-out predictions can be blended.
	const folds = stratifiedFolds(y, train, req.cvFolds, req.seed);
	const foldSets = folds.map((fold) => datasetOf(fold.test));
	const costs = new CostModel(req.cvFolds / Math.max(1, req.cvFolds - 1), evaluationRows(testSet.X.rows, plan.features.length));
	const report = (stage: string, plannedEnd: number) => ctx.progress({ stage, ...clock.progress(plannedEnd) });

	const classes = plan.classes.length;
	// Folds of a small table are fitted side by side on the helper threads (fold-threads.ts).
	const foldThreads = await FoldThreads.open(ctx.threads, { raw, plan, folds, trainRows: train.length }, kinds, ctx.signal);
	let searched: Awaited<ReturnType<typeof budgetedSearch>>;
	try {
		searched = await budgetedSearch({ kinds, folds, foldSets, classes, seed: req.seed, clock, costs, fit: fitOn, report, parallel: foldThreads ?? undefined });
	} finally {
		await foldThreads?.close();
	}
	const finals = await fitFinals({ chosen: searched.chosen, train, raw, plan, test, testSet, seed: req.seed, signal: ctx.signal, clock, costs, fit: fitOn, report });
	const { leaderboard, models } = finals;
	const skipped = [...searched.skipped, ...finals.skipped];

	leaderboard.sort((a, b) => kinds.indexOf(a.kind as TabularKind) - kinds.indexOf(b.kind as TabularKind));
	for (const kind of skipped) warnings.push(P.leftOut(kindLabel(kind), req.budgetS));
	addBestBlend(finals, foldSets, testSet.y, classes);

	// The best model is chosen by cross-validation (never by the test rows); without CV, by test score.
	const ranked = [...leaderboard].sort((a, b) => (b.cvScore ?? selectionScore(b, classes)) - (a.cvScore ?? selectionScore(a, classes)));
	ctx.progress({ fraction: 1, stage: P.done, etaS: 0 });
	return {
		task: classes === 2 ? 'binary' : 'multiclass',
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
