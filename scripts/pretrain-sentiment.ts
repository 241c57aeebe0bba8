/**
 * Trains the pretrained sentiment model shipped in
 * `models/pretrained/sentiment-en/model.json` (see MODEL_CARD.md there):
 *
 *   npx tsx scripts/pretrain-sentiment.ts [--lexicon auto|none|words] [--teacher rnn|tfidf|ensemble|all|none]
 *        [--label-share 0.5] [--sentences off|on] [--seed 42] [--out <file>]
 *
 * Data, openly licensed only:
 * - the TRAIN rows (split == "train", seed-42 split) of `small_fine_foods.split.csv`
 *   (modeldata, MIT, via Debian r-cran-modeldata), "great" (5 stars) = positive;
 *   the test rows are read only to report accuracy, never to train or choose;
 * - optionally ('words'), single-word examples at a low weight from the Bing
 *   opinion lexicon (tidytext, MIT, with attribution to Hu & Liu 2004) and the
 *   VADER lexicon (npm vader-sentiment, Apache-2.0), to give the model a
 *   sentiment for common words that food reviews never use.
 *
 * Steps: 90/10 stratified split of the train rows (seeded). The teacher models
 * (`rnn`: the recurrent model; `tfidf`: TF-IDF + logistic regression;
 * `ensemble`: the mean of both; `all`: with the transformer too; each with its
 * defaults) are fitted on 4 of 5 folds and score the fifth, so every review
 * gets an out-of-fold teacher probability; the student's target is
 * `label-share` × label + the rest × that probability (distillation: softer,
 * less noisy targets than 5-star-or-not). With `--sentences on` the sentences
 * of multi-sentence reviews become extra examples at a low weight, their
 * target the teacher's probability for the sentence alone.
 * The student is the transformer of `transformerModel` (same architecture and
 * defaults), trained with early stopping on the 10 % held-out reviews (hard
 * labels), once without and once with the lexicon words ('auto'); the variant
 * with the lower held-out loss wins and is refitted on all train rows (teacher
 * refitted on their folds too) for its best number of epochs; the weights are
 * quantised (int8 per row) and written with the vocabulary. Seeded and
 * single-threaded (WASM): the same command writes the same file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useFastestNodeBackend } from './node-backend';
import { loadRecords } from './load-table';
import { cleanText, tokensOf, buildVocab, indexOf, transformerArchitecture, type TransformerConfig, trainOptions, trainRows, scoreSequences, encodeTexts, trainNetwork, TRANSFORMER_DEFAULTS, textModelOf, type AnyTextModel, Initializer, type WeightSet, decodeWeights, encodeWeights, MODEL_FILE_FORMAT, type ModelFile, type TextDataset, type TextFitContext } from '../models/text';
import { createRng, stratifiedFolds, stratifiedSplit } from '../models/shared';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATASET_DIRS = [process.env.DATASETS_DIR, resolve(ROOT, 'datasets'), resolve(ROOT, '../shared/datasets')].filter(Boolean) as string[];
const CLASSES = ['negative', 'positive'];
/** Weight of one lexicon word relative to one review. */
const WORD_WEIGHT = 0.1;
/** VADER words with a weaker mean rating (scale −4..4) are left out: too ambiguous alone. */
const VADER_MIN = 1;
const MAX_VOCAB = 20000;
const MAX_EPOCHS = 15;
const PATIENCE = 3;
const TEACHER_FOLDS = 5;
/** Weight of one teacher-scored sentence relative to one review. */
const SENTENCE_WEIGHT = 0.25;
const MIN_SENTENCE_TOKENS = 3;
/** Teacher models: the recurrent network, TF-IDF + logistic regression, the mean of both (or of all three with the transformer), or none. */
const TEACHERS = ['rnn', 'tfidf', 'ensemble', 'all', 'none'] as const;
type Teacher = (typeof TEACHERS)[number];
const TEACHER_MODELS: Record<Exclude<Teacher, 'none'>, AnyTextModel[]> = {
	rnn: [textModelOf('rnn')],
	tfidf: [textModelOf('tfidf')],
	ensemble: [textModelOf('tfidf'), textModelOf('rnn')],
	all: [textModelOf('tfidf'), textModelOf('rnn'), textModelOf('transformer')]
};

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

function args(argv: string[]) {
	const flags = new Map<string, string>();
	for (let i = 0; i < argv.length; i += 2) {
		if (!argv[i].startsWith('--') || argv[i + 1] === undefined) fail(`invalid argument: ${argv[i]}`);
		flags.set(argv[i].slice(2), argv[i + 1]);
	}
	const lexicon = flags.get('lexicon') ?? 'auto';
	if (!['auto', 'none', 'words'].includes(lexicon)) fail(`invalid --lexicon: ${lexicon} (auto, none or words)`);
	const teacher = (flags.get('teacher') ?? 'rnn') as Teacher;
	if (!TEACHERS.includes(teacher)) fail(`invalid --teacher: ${teacher} (${TEACHERS.join(', ')})`);
	const seed = Number(flags.get('seed') ?? 42);
	if (!Number.isInteger(seed)) fail(`invalid --seed: ${flags.get('seed')}`);
	const labelShare = Number(flags.get('label-share') ?? 0.5);
	if (!(labelShare >= 0 && labelShare <= 1)) fail(`invalid --label-share: ${flags.get('label-share')} (0 to 1)`);
	const sentences = flags.get('sentences') ?? 'off';
	if (!['on', 'off'].includes(sentences)) fail(`invalid --sentences: ${sentences} (on or off)`);
	if (sentences === 'on' && teacher === 'none') fail('--sentences on needs a teacher to score the sentences');
	return { lexicon, teacher, seed, labelShare, sentences: sentences === 'on', out: resolve(ROOT, flags.get('out') ?? 'models/pretrained/sentiment-en/model.json') };
}

/** A shared data file, read as the workbench reads it (DuckDB). */
function readTable(file: string): Promise<Record<string, string>[]> {
	const path = DATASET_DIRS.map((d) => `${d}/${file}`).find((p) => existsSync(p)) ?? fail(`${file} not found in ${DATASET_DIRS.join(', ')} (set DATASETS_DIR)`);
	return loadRecords(path);
}

const pick = (d: TextDataset, rows: Int32Array): TextDataset => ({ texts: Array.from(rows, (r) => d.texts[r]), y: Int32Array.from(rows, (r) => d.y[r]), classes: d.classes });

/** Train and test reviews of the fixed split; "great" (5 stars) is the positive class. */
async function reviews(): Promise<{ train: TextDataset; test: TextDataset }> {
	const rows = await readTable('small_fine_foods.split.csv');
	const make = (split: string): TextDataset => {
		const kept = rows.filter((r) => r.split === split);
		return { texts: kept.map((r) => r.review), y: Int32Array.from(kept, (r) => (r.score === 'great' ? 1 : 0)), classes: CLASSES };
	};
	return { train: make('train'), test: make('test') };
}

/** Single-word examples from Bing and VADER; words the two lists disagree on are left out. */
async function lexiconWords(): Promise<Map<string, number>> {
	const labels = new Map<string, number>();
	const conflicts = new Set<string>();
	const add = (raw: string, label: number) => {
		const tokens = tokensOf(raw);
		if (tokens.length !== 1) return; // emoticons and phrases: not one token of ours
		const word = tokens[0];
		if (labels.has(word) && labels.get(word) !== label) conflicts.add(word);
		labels.set(word, label);
	};
	for (const r of await readTable('tidytext_sentiments_bing.csv')) add(r.word, r.sentiment === 'positive' ? 1 : 0);
	const vader = readFileSync(resolve(ROOT, 'node_modules/vader-sentiment/vader_lexicon.txt'), 'utf8');
	for (const line of vader.split('\n')) {
		const [token, mean] = line.split('\t');
		const score = Number(mean);
		if (token && Number.isFinite(score) && Math.abs(score) >= VADER_MIN) add(token, score > 0 ? 1 : 0);
	}
	for (const w of conflicts) labels.delete(w);
	return labels;
}

const quiet = (seed: number): TextFitContext => ({
	seed,
	signal: new AbortController().signal,
	progress: (p) => {
		if (p.curve) console.error(`  ${p.stage}: train loss ${p.curve.trainLoss.toFixed(4)}${p.curve.validLoss === undefined ? '' : `, held-out loss ${p.curve.validLoss.toFixed(4)}`}`);
	}
});

/** What the teacher says about the reviews it did not see, and about their sentences. */
interface TeacherScores {
	/** Per review: probability of the positive class. */
	reviews: Float64Array;
	/** Sentences of multi-sentence reviews, each with the teacher's probability (empty without `--sentences on`). */
	sentences: { text: string; p: number }[];
}

/**
 * The sentences of a review worth a separate example: those of at least
 * three tokens, in a review of two or more of them.
 */
function sentencesOf(review: string): string[] {
	const parts = cleanText(review)
		.split(/(?<=[.!?])\s+/)
		.filter((part) => tokensOf(part).length >= MIN_SENTENCE_TOKENS);
	return parts.length >= 2 ? parts : [];
}

/**
 * Out-of-fold probabilities of the positive class from the teacher models
 * (each review, and each of its sentences, scored by models that did not see
 * it; with several models, their mean).
 */
async function teacherScores(data: TextDataset, teacher: Teacher, sentences: boolean, seed: number): Promise<TeacherScores | null> {
	if (teacher === 'none') return null;
	const models = TEACHER_MODELS[teacher];
	const reviews = new Float64Array(data.texts.length);
	const scoredSentences: { text: string; p: number }[] = [];
	const folds = stratifiedFolds(data.y, Int32Array.from(data.y.keys()), TEACHER_FOLDS, seed);
	for (const [k, fold] of folds.entries()) {
		console.error(`  teacher fold ${k + 1}/${TEACHER_FOLDS}`);
		const texts = Array.from(fold.test, (r) => data.texts[r]);
		const parts = sentences ? texts.flatMap(sentencesOf) : [];
		const partP = new Float64Array(parts.length);
		for (const model of models) {
			const state = await model.fit(pick(data, fold.train), model.defaults, { ...quiet(seed), progress: () => {} });
			const scored = await model.predict(state, [...texts, ...parts]);
			fold.test.forEach((r, i) => (reviews[r] += scored.probabilities[i * 2 + 1] / models.length));
			partP.forEach((_, j) => (partP[j] += scored.probabilities[(texts.length + j) * 2 + 1] / models.length));
		}
		parts.forEach((text, j) => scoredSentences.push({ text, p: partP[j] }));
	}
	let right = 0;
	reviews.forEach((p, i) => (right += Number((p > 0.5 ? 1 : 0) === data.y[i])));
	console.error(`  teacher out-of-fold accuracy ${(right / reviews.length).toFixed(4)}; ${scoredSentences.length} sentences scored`);
	return { reviews, sentences: scoredSentences };
}

interface Fitted {
	vocab: string[];
	weights: WeightSet;
	bestEpoch: number;
	validLoss: number;
}

interface Targets {
	/** Out-of-fold teacher scores of the reviews, or null to train on the labels alone. */
	teacher: TeacherScores | null;
	/** Share of the label in a review's target (the rest is the teacher's probability). */
	labelShare: number;
}

/** One training example: text, class (0/1), soft target (probability of positive) and weight. */
type Example = [text: string, label: number, target: number, weight: number];

/**
 * The student's examples: reviews (label, or label mixed with the teacher),
 * the teacher's sentences, then lexicon words (their label).
 */
function examples(fit: TextDataset, targets: Targets, words: Map<string, number> | null): Example[] {
	const { teacher, labelShare } = targets;
	return [
		...fit.texts.map((text, i): Example => [text, fit.y[i], teacher ? labelShare * fit.y[i] + (1 - labelShare) * teacher.reviews[i] : fit.y[i], 1]),
		...(teacher?.sentences ?? []).map(({ text, p }): Example => [text, p > 0.5 ? 1 : 0, p, SENTENCE_WEIGHT]),
		...[...(words ?? [])].map(([word, label]): Example => [word, label, label, WORD_WEIGHT])
	];
}

/** One training run: vocabulary from `fit` reviews (+ lexicon words), transformer from scratch. */
async function train(fit: TextDataset, targets: Targets, words: Map<string, number> | null, valid: TextDataset | null, epochs: number, seed: number): Promise<Fitted> {
	const config: TransformerConfig = configOf();
	const base = buildVocab(fit.texts.map(tokensOf), { maxSize: MAX_VOCAB, minCount: TRANSFORMER_DEFAULTS.minCount }).tokens;
	const known = new Set(base);
	const vocab = [...base, ...[...(words?.keys() ?? [])].filter((w) => !known.has(w))].slice(0, MAX_VOCAB);
	const all = examples(fit, targets, words);
	const data: TextDataset = {
		texts: all.map(([text]) => text),
		y: Int32Array.from(all, ([, label]) => label),
		classes: CLASSES,
		weights: Float64Array.from(all, ([, , , weight]) => weight)
	};
	const index = indexOf({ tokens: vocab });
	const rng = createRng(seed);
	const initial = transformerArchitecture.init(config, vocab.length, 1, new Initializer(rng));
	const params = { ...TRANSFORMER_DEFAULTS, epochs, patience: PATIENCE };
	const rows = trainRows(data, index, config.maxLength);
	rows.soft = Float32Array.from(all, ([, , target]) => target);
	const result = await trainNetwork(
		transformerArchitecture,
		config,
		initial,
		rows,
		valid ? trainRows(valid, index, config.maxLength) : null,
		trainOptions(params, 1),
		rng,
		quiet(seed)
	);
	const validLoss = result.curve.find((c) => c.step === result.bestEpoch)?.validLoss ?? NaN;
	return { vocab, weights: result.weights, bestEpoch: result.bestEpoch || epochs, validLoss };
}

function configOf(): TransformerConfig {
	const p = TRANSFORMER_DEFAULTS;
	return { dim: p.embeddingDim, heads: p.heads, layers: p.layers, ffUnits: p.ffUnits, maxLength: p.maxLength };
}

async function accuracy(vocab: string[], weights: WeightSet, data: TextDataset): Promise<number> {
	const seqs = encodeTexts(data.texts, indexOf({ tokens: vocab }), configOf().maxLength);
	const probs = await scoreSequences(transformerArchitecture, configOf(), weights, seqs);
	let right = 0;
	data.y.forEach((label, i) => (right += Number((probs[i * 2 + 1] > 0.5 ? 1 : 0) === label)));
	return right / data.y.length;
}

const round = (v: number) => Math.round(v * 10000) / 10000;

async function main() {
	const { lexicon, teacher, seed, labelShare, sentences, out } = args(process.argv.slice(2));
	const backend = await useFastestNodeBackend();
	const { train: all, test } = await reviews();
	const split = stratifiedSplit(all.y, 0.1, seed);
	const fit = pick(all, split.train);
	const held = pick(all, split.test);
	const words = lexicon === 'none' ? null : await lexiconWords();
	console.error(`backend ${backend}; ${all.texts.length} train reviews (${fit.texts.length} fit, ${held.texts.length} held out); ${words?.size ?? 0} lexicon words`);

	// 1. Which variant, and how many epochs, on the held-out reviews (the teacher never sees them either).
	const fitTeacher = await teacherScores(fit, teacher, sentences, seed);
	const variants: { name: 'none' | 'words'; fitted: Fitted; heldAccuracy: number }[] = [];
	for (const name of lexicon === 'auto' ? (['none', 'words'] as const) : [lexicon as 'none' | 'words']) {
		console.error(`variant "${name}": choosing the number of epochs`);
		const fitted = await train(fit, { teacher: fitTeacher, labelShare }, name === 'words' ? words : null, held, MAX_EPOCHS, seed);
		const heldAccuracy = await accuracy(fitted.vocab, fitted.weights, held);
		console.error(`  best epoch ${fitted.bestEpoch}, held-out loss ${fitted.validLoss.toFixed(4)}, accuracy ${heldAccuracy.toFixed(4)}`);
		variants.push({ name, fitted, heldAccuracy });
	}
	const chosen = variants.reduce((a, b) => (b.fitted.validLoss < a.fitted.validLoss ? b : a));

	// 2. Refit on every train review for that many epochs, then quantise.
	console.error(`refitting "${chosen.name}" on all ${all.texts.length} train reviews for ${chosen.fitted.bestEpoch} epochs`);
	const allTeacher = await teacherScores(all, teacher, sentences, seed);
	const final = await train(all, { teacher: allTeacher, labelShare }, chosen.name === 'words' ? words : null, null, chosen.fitted.bestEpoch, seed);
	const stored = encodeWeights(final.weights);
	const shipped = decodeWeights(stored);
	const testAccuracy = await accuracy(final.vocab, shipped, test);
	const testAccuracyFloat = await accuracy(final.vocab, final.weights, test);
	console.error(`test accuracy as shipped (int8): ${testAccuracy.toFixed(4)} (float32: ${testAccuracyFloat.toFixed(4)})`);

	const file: ModelFile = {
		format: MODEL_FILE_FORMAT,
		version: 1,
		architecture: 'transformer',
		classes: CLASSES,
		config: configOf(),
		maxLength: configOf().maxLength,
		vocab: final.vocab,
		weights: stored,
		training: {
			command: `npx tsx scripts/pretrain-sentiment.ts --lexicon ${lexicon} --teacher ${teacher} --label-share ${labelShare} --sentences ${sentences ? 'on' : 'off'} --seed ${seed}`,
			backend,
			data: 'small_fine_foods.split.csv train rows (modeldata 1.1.0, MIT); positive = score "great" (5 stars)',
			teacher:
				teacher === 'none'
					? 'none'
					: `out-of-fold probabilities of ${TEACHER_MODELS[teacher].map((m) => m.kind).join(' + ')} (mean; ${TEACHER_FOLDS} folds), target = ${labelShare} × label + ${round(1 - labelShare)} × teacher`,
			sentences: allTeacher?.sentences.length
				? `${allTeacher.sentences.length} sentences of multi-sentence reviews, target = teacher probability, weight ${SENTENCE_WEIGHT} each`
				: 'none',
			lexicon: chosen.name === 'words' ? `Bing opinion lexicon (tidytext, MIT; Hu & Liu 2004) + VADER (vader-sentiment 1.1.3, Apache-2.0), weight ${WORD_WEIGHT} per word` : 'none',
			variants: variants.map((v) => ({ lexicon: v.name, bestEpoch: v.fitted.bestEpoch, heldOutLoss: round(v.fitted.validLoss), heldOutAccuracy: round(v.heldAccuracy) })),
			chosen: chosen.name,
			bestEpoch: chosen.fitted.bestEpoch,
			trainReviews: all.texts.length,
			lexiconWords: chosen.name === 'words' ? words!.size : 0,
			testAccuracy: round(testAccuracy),
			testAccuracyFloat32: round(testAccuracyFloat),
			testRows: test.texts.length
		}
	};
	writeFileSync(out, JSON.stringify(file) + '\n');
	console.error(`wrote ${out} (${(readFileSync(out).length / 1e6).toFixed(2)} MB)`);
	console.log(JSON.stringify(file.training));
}

main().catch((e) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
