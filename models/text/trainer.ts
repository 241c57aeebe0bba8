/**
 * The text trainer: reads the text and label columns, splits the rows, fits
 * each chosen model (the lexicon without labels), scores the test rows and
 * builds the comparison table, confusion matrices and top terms. The
 * training worker and `npm run evaluate -- sentiment` both run it.
 */
import type { RawColumn } from '../shared/columns';
import { textAt } from '../shared/columns';
import { encodeTarget, targetClasses } from '../shared/features';
import { cancelledError } from '../shared/cancel';
import { stratifiedSplit } from '../shared/splits';
import { argmaxRows, confusionMatrix, macroF1, multiclassAccuracy, rocAuc } from '../shared/metrics';
import { MODEL_CATALOG, TEXT_BLEND_KIND } from '../catalog';
import { textModelOf, type AnyTextModel } from './registry';
import { loadPretrainedState } from './pretrained';
import { chooseBlendWeights, isBlend, meanLogLoss, mixExplanations, mixPredictions, mixTopTerms, type BlendState } from './blend';
import { guessPositive } from './positive';
import { paramsFor } from './params';
import { TEXT_MODEL_LABELS, type TextKind, type TextModelRow, type TextProgress, type TextRequest, type TextResult, type TextResultKind } from './job';
import type { Prediction, TermWeight, TextDataset, TextExplanation, TextModelState } from './types';
import { P } from '../shared/progress-words';

export { guessPositive } from './positive';
export { parseWordList } from './lexicon';

export interface TextTrainContext {
	signal: AbortSignal;
	progress(p: TextProgress): void;
}

/** Labels with more distinct values than this are not classes (an id or a free-text column). */
export const MAX_CLASSES = 50;
/** Held-out share of the training rows for early stopping and the blend's weights. */
const VALIDATION_FRACTION = 0.1;
/** Test texts the neural models average occlusion over for their top terms. */
const TOP_TERM_SAMPLE = 100;
const TOP_TERMS = 20;
/** Rough share of the run each model takes (the catalogue's), so the progress bar moves evenly. */
const COST = (kind: TextKind): number => MODEL_CATALOG[kind].budgetShare;

function column(raw: RawColumn[], name: string): RawColumn {
	const c = raw.find((col) => col.name === name);
	if (!c) throw new Error(`The table has no column "${name}".`);
	return c;
}

/** The texts of every row ('' where missing); refuses a column with no text at all. */
export function readTexts(raw: RawColumn[], name: string): string[] {
	const c = column(raw, name);
	const texts = Array.from({ length: c.values.length }, (_, r) => textAt(c, r) ?? '');
	if (!texts.some((t) => t.trim() !== '')) throw new Error(`The column "${name}" has no text: every value is empty or missing.`);
	return texts;
}

const isTestValue = (v: string | null) => (v ?? '').trim().toLowerCase() === 'test';
const isTrainValue = (v: string | null) => (v ?? '').trim().toLowerCase() === 'train';

/** Train and test rows (labelled rows only): by the split column, else a seeded stratified split. */
function splitRows(raw: RawColumn[], y: Int32Array, req: TextRequest): { train: Int32Array; test: Int32Array } {
	const labelled = Array.from({ length: y.length }, (_, r) => r).filter((r) => y[r] >= 0);
	if (req.splitColumn) {
		const split = column(raw, req.splitColumn);
		const test = labelled.filter((r) => isTestValue(textAt(split, r)));
		const train = labelled.filter((r) => isTrainValue(textAt(split, r)));
		if (!test.length || !train.length) {
			throw new Error(`The split column "${req.splitColumn}" needs rows marked "train" and rows marked "test" (found ${train.length} train, ${test.length} test).`);
		}
		return { train: Int32Array.from(train), test: Int32Array.from(test) };
	}
	const s = stratifiedSplit(labelled.map((r) => y[r]), req.testFraction, req.seed);
	return { train: Int32Array.from(s.train, (i) => labelled[i]), test: Int32Array.from(s.test, (i) => labelled[i]) };
}

function subset(texts: string[], y: Int32Array, rows: ArrayLike<number>, classes: string[]): TextDataset {
	return { texts: Array.from(rows, (r) => texts[r]), y: Int32Array.from(rows, (r) => y[r]), classes };
}

/** Classes of the label column, the positive one second for two labels. */
function classesOf(target: RawColumn, rows: Int32Array, req: TextRequest): string[] {
	const found = new Set<string>();
	for (const r of rows) {
		const v = textAt(target, r);
		if (v !== null) found.add(v);
	}
	if (found.size > MAX_CLASSES) {
		throw new Error(`The label column "${target.name}" has ${found.size} different values: pick a column of labels (e.g. great/other, 1–5 stars or message topics), not free text or ids.`);
	}
	const positive = req.positive ?? (found.size === 2 ? guessPositive([...found]) : null);
	return targetClasses(target, rows, positive);
}

interface Scored {
	kind: TextResultKind;
	state: TextModelState;
	fitMs: number;
	validation: Float64Array | null;
}

/** Trains and compares the requested text models; with no label column, returns ready-to-score states only. */
export async function trainText(raw: RawColumn[], req: TextRequest, ctx: TextTrainContext): Promise<TextResult> {
	const texts = readTexts(raw, req.text);
	if (req.target === null) return unlabeledResult(req, ctx);
	const target = column(raw, req.target);
	if (target.name === req.text) throw new Error('The label column must differ from the text column.');
	const all = Int32Array.from({ length: texts.length }, (_, r) => r);
	const classes = classesOf(target, all, req);
	const y = encodeTarget(target, classes);
	const { train, test } = splitRows(raw, y, req);
	const k = classes.length;

	// Early stopping and the blend use held-out training rows, never the test rows.
	const trainY = Int32Array.from(train, (r) => y[r]);
	const hold = stratifiedSplit(trainY, VALIDATION_FRACTION, req.seed);
	const fitRows = Int32Array.from(hold.train, (i) => train[i]);
	const validRows = Int32Array.from(hold.test, (i) => train[i]);
	const fitData = subset(texts, y, fitRows, classes);
	const validData = subset(texts, y, validRows, classes);
	const testData = subset(texts, y, test, classes);

	const rows: TextModelRow[] = [];
	const fitted: Scored[] = [];
	const result: TextResult = {
		classes,
		nTrain: train.length,
		nTest: test.length,
		rows,
		best: null,
		test: { rows: test, texts: testData.texts, labels: testData.y },
		probabilities: {},
		confusion: {},
		topTerms: {},
		states: {}
	};
	const budget = req.models.reduce((s, m) => s + COST(m), 0) || 1;
	let done = 0;
	for (const kind of req.models) {
		if (ctx.signal.aborted) throw cancelledError();
		const model = textModelOf(kind);
		const share = COST(kind) / budget;
		const base = done;
		ctx.progress({ fraction: base, stage: `${TEXT_MODEL_LABELS[kind]}: training` });
		const started = performance.now();
		try {
			const state = await model.fit(model.learns ? fitData : { texts: [], y: new Int32Array(0), classes }, paramsFor(kind, model, req), {
				seed: req.seed,
				signal: ctx.signal,
				validation: validData,
				progress: (p) => ctx.progress({ fraction: base + share * 0.85 * p.fraction, stage: `${TEXT_MODEL_LABELS[kind]}: ${p.stage}` })
			});
			const fitMs = performance.now() - started;
			ctx.progress({ fraction: base + share * 0.85, stage: `${TEXT_MODEL_LABELS[kind]}: scoring the test rows` });
			const validation = validData.texts.length ? (await model.predict(state, validData.texts)).probabilities : null;
			fitted.push({ kind, state, fitMs, validation });
			await addRow(result, kind, model, state, fitMs, testData, ctx, base + share * 0.95);
		} catch (e) {
			if (ctx.signal.aborted || (e as Error)?.name === 'CancelledError') throw cancelledError();
			rows.push({ kind, label: TEXT_MODEL_LABELS[kind], accuracy: null, macroF1: null, auc: null, fitMs: 0, predictPerS: null, skipped: (e as Error)?.message ?? String(e) });
		}
		done += share;
	}
	if (req.auto && fitted.length >= 2) await addBlend(result, fitted, validData, testData, ctx);
	result.best = bestKind(rows);
	ctx.progress({ fraction: 1, stage: 'done' });
	return result;
}

/** Scores the test rows with one fitted model and records its row, confusion matrix and top terms. */
async function addRow(result: TextResult, kind: TextResultKind, model: Pick<AnyTextModel, 'predict' | 'topTerms'>, state: TextModelState, fitMs: number, testData: TextDataset, ctx: TextTrainContext, at: number) {
	const k = result.classes.length;
	const t0 = performance.now();
	const prediction = await model.predict(state, testData.texts);
	const predictMs = performance.now() - t0;
	const probs = prediction.probabilities;
	const y = testData.y;
	result.rows.push({
		kind,
		label: TEXT_MODEL_LABELS[kind],
		accuracy: multiclassAccuracy(y, probs, k),
		macroF1: macroF1(y, probs, k),
		auc: k === 2 ? rocAuc(y, Float64Array.from({ length: y.length }, (_, i) => probs[i * 2 + 1])) : null,
		fitMs,
		predictPerS: y.length / Math.max(predictMs / 1000, 1e-6),
		...(state.curve ? { curve: state.curve } : {})
	});
	result.probabilities[kind] = probs;
	result.confusion[kind] = confusionMatrix(y, argmaxRows(probs, k), k);
	result.states[kind] = state;
	ctx.progress({ fraction: at, stage: `${TEXT_MODEL_LABELS[kind]}: top words` });
	const sample = testData.texts.slice(0, TOP_TERM_SAMPLE);
	const classesToList = k === 2 ? [1] : result.classes.map((_, c) => c);
	const lists: TermWeight[][] = [];
	for (const c of classesToList) {
		if (ctx.signal.aborted) throw cancelledError();
		lists.push(await model.topTerms(state, c, TOP_TERMS, sample));
	}
	result.topTerms[kind] = lists;
}

/** The 'auto' row: a blend of the fitted models, kept only when the held-out rows prefer it to the best single one. */
async function addBlend(result: TextResult, fitted: Scored[], validData: TextDataset, testData: TextDataset, ctx: TextTrainContext) {
	const k = result.classes.length;
	const usable = fitted.filter((f) => f.validation);
	if (usable.length < 2) return;
	ctx.progress({ fraction: 0.99, stage: `${TEXT_MODEL_LABELS.auto}: choosing weights` });
	const weights = chooseBlendWeights(validData.y, usable.map((f) => f.validation!), k);
	const members = usable.filter((_, i) => weights[i] > 0);
	const memberWeights = weights.filter((w) => w > 0);
	const state: BlendState = { kind: TEXT_BLEND_KIND, version: 1, classes: result.classes, members: members.map((m) => m.state), weights: memberWeights };
	const blendValid = mixPredictions(members.map((m) => ({ classes: result.classes, probabilities: m.validation! })), memberWeights);
	const bestSingle = Math.min(...usable.map((f) => meanLogLoss(validData.y, f.validation!, k)));
	// One member only, or no gain on held-out rows: the blend adds nothing worth a row.
	if (members.length < 2 || meanLogLoss(validData.y, blendValid.probabilities, k) >= bestSingle) return;
	const fitMs = members.reduce((s, m) => s + m.fitMs, 0);
	await addRow(result, TEXT_BLEND_KIND, { predict: predictTexts, topTerms: (s, c, n, texts) => topTermsOf(s, c, n, texts) }, state, fitMs, testData, ctx, 0.995);
}

function bestKind(rows: TextModelRow[]): TextResultKind | null {
	let best: TextModelRow | null = null;
	for (const r of rows) if (r.accuracy !== null && (best === null || r.accuracy > best.accuracy!)) best = r;
	return best?.kind ?? null;
}

/** No labels: the lexicon and the shipped pretrained model, ready to score (positive vs negative). */
async function unlabeledResult(req: TextRequest, ctx: TextTrainContext): Promise<TextResult> {
	const classes = ['negative', 'positive'];
	const result: TextResult = {
		classes,
		nTrain: 0,
		nTest: 0,
		rows: [],
		best: null,
		test: { rows: new Int32Array(0), texts: [], labels: new Int32Array(0) },
		probabilities: {},
		confusion: {},
		topTerms: {},
		states: {}
	};
	ctx.progress({ fraction: 0.1, stage: `${TEXT_MODEL_LABELS.lexicon}: loading` });
	const lexicon = textModelOf('lexicon');
	result.states.lexicon = await lexicon.fit({ texts: [], y: new Int32Array(0), classes }, paramsFor('lexicon', lexicon, req), {
		seed: req.seed,
		signal: ctx.signal,
		progress: () => undefined
	});
	result.rows.push({ kind: 'lexicon', label: TEXT_MODEL_LABELS.lexicon, accuracy: null, macroF1: null, auc: null, fitMs: 0, predictPerS: null });
	ctx.progress({ fraction: 0.5, stage: P.loadingPretrained });
	result.states.pretrained = await loadPretrainedState();
	result.rows.push({ kind: 'pretrained', label: 'Pretrained (as shipped)', accuracy: null, macroF1: null, auc: null, fitMs: 0, predictPerS: null });
	ctx.progress({ fraction: 1, stage: 'done' });
	return result;
}

/* ---------- Using a fitted state (any kind, blends included) ---------- */

const asState = (state: unknown): TextModelState => {
	const s = state as TextModelState | null;
	if (!s || typeof s !== 'object' || typeof s.kind !== 'string' || !Array.isArray(s.classes)) {
		throw new Error('This is not a workbench text model (kind or classes are missing).');
	}
	return s;
};

/** Class probabilities for each text (missing texts score as empty ones). */
export async function predictTexts(state: unknown, texts: (string | null)[]): Promise<Prediction> {
	const s = asState(state);
	const clean = texts.map((t) => t ?? '');
	if (isBlend(s)) return mixPredictions(await Promise.all(s.members.map((m) => predictTexts(m, clean))), s.weights);
	return textModelOf(s.kind).predict(s, clean);
}

/** Which words of `text` pushed it towards `classIndex`, and how much. */
export async function explainTexts(state: unknown, text: string, classIndex: number): Promise<TextExplanation> {
	const s = asState(state);
	if (isBlend(s)) return mixExplanations(await Promise.all(s.members.map((m) => explainTexts(m, text, classIndex))), s.weights, classIndex);
	return textModelOf(s.kind).explainText(s, text, classIndex);
}

async function topTermsOf(state: TextModelState, classIndex: number, n: number, texts: string[]): Promise<TermWeight[]> {
	if (isBlend(state)) return mixTopTerms(await Promise.all(state.members.map((m) => topTermsOf(m, classIndex, n, texts))), state.weights, n);
	return textModelOf(state.kind).topTerms(state, classIndex, n, texts);
}
