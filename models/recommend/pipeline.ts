/**
 * The recommendation job, as the worker and `npm run evaluate` run it:
 * hide one item per customer owning two or more, fit every asked model without
 * them, choose the item similarity and the hybrid weights on the validation
 * customers, report hit rate@k, NDCG@k and coverage on the test customers,
 * calibrate P(accept) on the hidden items, then refit on everything and keep
 * each customer's top items.
 */
import { MODEL_CATALOG, RECOMMEND_BLEND_KIND, RECOMMEND_LEARNER_KINDS, isRecommendKind, type RecommendKind, type RecommendLearnerKind } from '../catalog';
import { inputError } from '../shared/input-error';
import { throwIfAborted, yieldAndCheck } from '../shared/cancel';
import { blendFormula, blendScores, standardise, tuneWeights } from './blend';
import { applyPlatt, fitPlatt } from './calibrate';
import { hideOneItem, type Holdout } from './holdout';
import { hitRateAndNdcg, rankingQuality } from './metrics';
import { topCandidates, type Scores } from './rank';
import { recommenderOf } from './registry';
import { SIMILARITIES } from './similarity';
import type { RecommendData, RecommendMetric, RecommendRequest, RecommendResult, RecommenderState, TopItems } from './types';
import { P } from '../shared/progress-words';
import { kindLabel } from '../labels';

/** Progress of the job: the fraction done, the stage in words and the seconds left (from the pace so far). */
export interface RecommendProgress {
	fraction: number;
	stage: string;
	etaS?: number;
}

export interface RecommendJobContext {
	signal?: AbortSignal;
	progress?(p: RecommendProgress): void;
}

/** A learner's fit and scores on one matrix, with its chosen params. */
interface Fitted {
	kind: RecommendLearnerKind;
	params: object;
	scores: Float32Array;
	fitMs: number;
}

const isLearner = (kind: RecommendKind): kind is RecommendLearnerKind => kind !== RECOMMEND_BLEND_KIND;

function checkRequest(request: RecommendRequest): void {
	if (!Number.isInteger(request.k) || request.k < 1) throw inputError(`invalid k: ${request.k}`);
	if (!Number.isInteger(request.topN) || request.topN < 1) throw inputError(`invalid topN: ${request.topN}`);
	if (!request.models?.length) throw inputError('Choose at least one recommendation model.');
	for (const m of request.models) if (!isRecommendKind(m)) throw inputError(`invalid model: ${m}`);
}

/** The learners a request runs: those asked, and for a hybrid alone every learner. */
function learnersOf(request: RecommendRequest): RecommendLearnerKind[] {
	const asked = request.models.filter(isLearner);
	return asked.length ? [...new Set(asked)] : [...RECOMMEND_LEARNER_KINDS];
}

/** Seconds left from the pace so far (none until there is a pace to go by). */
function timeLeftS(started: number, fraction: number): number | undefined {
	if (fraction <= 0.02) return undefined;
	return ((performance.now() - started) / 1000 / fraction) * (1 - fraction);
}

async function fitAndScore(kind: RecommendLearnerKind, params: object, data: RecommendData, seed: number, signal?: AbortSignal): Promise<Fitted> {
	const model = recommenderOf(kind);
	const started = performance.now();
	const state: RecommenderState = await model.fit(data, { ...model.defaults, ...params }, { seed, signal });
	const fitMs = performance.now() - started;
	return { kind, params, scores: await model.score(state, data), fitMs };
}

/** Fits `kind` for the evaluation; item similarity tries each measure and keeps the validation's best. */
async function fitForEvaluation(kind: RecommendLearnerKind, data: RecommendData, holdout: Holdout, request: RecommendRequest, signal?: AbortSignal): Promise<Fitted> {
	if (kind !== 'item_knn') return fitAndScore(kind, {}, data, request.seed, signal);
	let best: (Fitted & { hitRate: number; ndcg: number }) | null = null;
	let fitMs = 0;
	for (const similarity of SIMILARITIES) {
		const fitted = await fitAndScore(kind, { similarity }, data, request.seed, signal);
		fitMs += fitted.fitMs;
		const q = hitRateAndNdcg(fitted.scores, holdout.train, data.matrix.items.length, holdout.validation, request.k);
		if (!best || q.hitRate > best.hitRate + 1e-12 || (Math.abs(q.hitRate - best.hitRate) <= 1e-12 && q.ndcg > best.ndcg + 1e-12)) best = { ...fitted, ...q };
	}
	return { ...best!, fitMs };
}

function metricOf(model: RecommendKind, scores: Scores, holdout: Holdout, items: number, split: 'validation' | 'test', k: number, fitMs: number): RecommendMetric {
	const q = rankingQuality(scores, holdout.train, items, holdout[split], k);
	return { model, label: MODEL_CATALOG[model].label, ...q, fitMs: Math.round(fitMs) };
}

/** Runs the whole job on prepared data (see the file comment). */
export async function runRecommend(data: RecommendData, request: RecommendRequest, ctx: RecommendJobContext = {}): Promise<RecommendResult> {
	checkRequest(request);
	const { signal } = ctx;
	const started = performance.now();
	const { matrix } = data;
	const items = matrix.items.length;
	const learners = learnersOf(request);
	const wantsHybrid = request.models.includes(RECOMMEND_BLEND_KIND);
	const cost = (kind: RecommendLearnerKind) => MODEL_CATALOG[kind].budgetShare * (kind === 'item_knn' ? SIMILARITIES.length : 1);
	const total = learners.reduce((s, k) => s + 2 * cost(k), 0) + 1;
	let done = 0;
	const report = (stage: string, step = 0) => {
		done += step;
		const fraction = Math.min(0.99, done / total);
		ctx.progress?.({ fraction, stage, etaS: timeLeftS(started, fraction) });
	};

	const holdout = hideOneItem(matrix, request.seed);
	if (holdout.validation.users.length === 0 || holdout.test.users.length === 0) {
		throw inputError('The evaluation needs customers who own at least two items (one is hidden): too few here.');
	}
	const evalData: RecommendData = { matrix: { ...matrix, owned: holdout.train }, profile: data.profile };

	// 1. Evaluation fits, without the hidden items.
	const evaluated: Fitted[] = [];
	for (const kind of learners) {
		report(P.evaluating(kindLabel(kind)));
		evaluated.push(await fitForEvaluation(kind, evalData, holdout, request, signal));
		report(P.evaluated(kindLabel(kind)), cost(kind));
		await yieldAndCheck(signal);
	}

	// 2. The hybrid: weights given or tuned on the validation customers.
	report(P.tuningHybrid);
	const tuneStarted = performance.now();
	const zEval = evaluated.map((f) => standardise(f.scores, holdout.train));
	const given = request.hybridWeights;
	const tuned = !given;
	const weights = given ? learners.map((k) => Number(given[k] ?? 0)) : tuneWeights(zEval, holdout.train, items, holdout.validation, request.k).weights;
	if (weights.some((w) => !Number.isFinite(w) || w < 0) || !weights.some((w) => w > 0)) throw inputError(`invalid hybrid weights: ${JSON.stringify(given)}`);
	const hybridEval = blendScores(zEval, weights);
	const hybridFitMs = evaluated.reduce((s, f) => s + f.fitMs, 0) + (performance.now() - tuneStarted);
	// P(accept) follows the hybrid, or the first model asked when there is no hybrid.
	const primaryWeights = wantsHybrid ? weights : learners.map((k) => (k === learners[0] ? 1 : 0));
	const calibration = fitPlatt(wantsHybrid ? hybridEval : blendScores(zEval, primaryWeights), holdout.train, items, [holdout.validation, holdout.test]);
	report(P.hybridTuned, 1);

	const rows = (split: 'validation' | 'test') => [
		...evaluated.map((f) => metricOf(f.kind, f.scores, holdout, items, split, request.k, f.fitMs)),
		...(wantsHybrid ? [metricOf(RECOMMEND_BLEND_KIND, hybridEval, holdout, items, split, request.k, hybridFitMs)] : [])
	];
	const metrics = rows('test');
	const validation = rows('validation');

	// 3. Final fits on everything, and each customer's top items.
	const final: Fitted[] = [];
	for (const f of evaluated) {
		throwIfAborted(signal);
		report(P.recommending(kindLabel(f.kind)));
		final.push(await fitAndScore(f.kind, f.params, data, request.seed, signal));
		report(P.recommended(kindLabel(f.kind)), cost(f.kind));
		await yieldAndCheck(signal);
	}
	const zFinal = final.map((f) => standardise(f.scores, matrix.owned));
	const topOf = (scores: Scores, calibrated: boolean): TopItems => {
		const best = topCandidates(scores, matrix.owned, items, request.topN);
		const pAccept = calibrated ? best.score.map((s) => applyPlatt(calibration, s)) : best.score.slice();
		return { item: best.item, score: best.score, pAccept, n: request.topN };
	};
	const byModel: RecommendResult['byModel'] = {};
	final.forEach((f, m) => (byModel[f.kind] = topOf(zFinal[m], false)));
	const top = topOf(blendScores(zFinal, primaryWeights), true);
	ctx.progress?.({ fraction: 1, stage: 'Done', etaS: 0 });

	const knn = evaluated.find((f) => f.kind === 'item_knn');
	return {
		items: [...matrix.items],
		users: [...matrix.users],
		owned: matrix.owned.slice(),
		metrics,
		validation,
		hybrid: { weights: Object.fromEntries(learners.map((k, m) => [k, weights[m]])), formula: blendFormula(learners.map((k) => MODEL_CATALOG[k].label), weights), tuned },
		top,
		byModel,
		similarity: knn ? (knn.params as { similarity: string }).similarity : null,
		calibration,
		evaluated: { validation: holdout.validation.users.length, test: holdout.test.users.length }
	};
}
