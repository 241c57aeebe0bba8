/**
 * Text jobs in the training worker (the text cell): decode the transferred
 * Arrow table, run the text trainer (the same one `npm run evaluate --
 * sentiment` runs), score a table's texts with a fitted state, and explain one
 * text. States travel as plain structured-clone data, never JSON-encoded.
 */
import type { RawColumn } from '../../models/shared';
import { explainTexts, parseWordList, predictTexts, trainText } from '../../models/text';
import type { ScoreResult, TabularProgress, TextExplainJob, TextExplainResult, TextScoreJob, TextTrainJob, TextResult, WordScore } from './api';
import { throwIfCancelled, trainError } from './errors';
import { columnsOf } from './tabular';
import { TW } from './train-words';

export async function runText(job: TextTrainJob, signal: AbortSignal, onProgress?: (p: TabularProgress) => void): Promise<TextResult> {
	const raw = columnsOf(job.table);
	textColumnOf(raw, job.request.text);
	try {
		return await trainText(raw, job.request, {
			signal,
			progress: (p) => onProgress?.({ jobId: job.jobId, ...p })
		});
	} catch (e) {
		// The trainer's checks (one class, empty texts, a bad split column) are already worded for users.
		throw worded(e);
	}
}

/** Class probabilities for every row of the table, in its scan order (what `writeScored` lines up with). */
export async function scoreTextTable(job: TextScoreJob, signal: AbortSignal): Promise<ScoreResult> {
	const raw = columnsOf(job.table);
	const texts = textColumnOf(raw, job.textColumn);
	throwIfCancelled(signal);
	const prediction = await predictTexts(job.state, texts).catch((e) => Promise.reject(worded(e)));
	throwIfCancelled(signal);
	return { classes: prediction.classes, probabilities: prediction.probabilities, rows: texts.length };
}

/**
 * One text's prediction and word contributions. `classIndex` null explains the
 * positive class of a binary model, else the predicted class.
 */
export async function explainOneText(job: TextExplainJob): Promise<TextExplainResult> {
	try {
		const prediction = await predictTexts(job.state, [job.text]);
		const probabilities = Array.from(prediction.probabilities);
		const k = prediction.classes.length;
		const predicted = probabilities.indexOf(Math.max(...probabilities));
		const classIndex = job.classIndex ?? (k === 2 ? 1 : predicted);
		if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= k) throw trainError(`invalid classIndex: ${classIndex}`);
		const explanation = await explainTexts(job.state, job.text, classIndex);
		return { explanation, classes: prediction.classes, probabilities };
	} catch (e) {
		throw worded(e);
	}
}

/** A user's CSV word list (word,score), or an error saying what is wrong with the file. */
export function readWordList(csvText: string): WordScore[] {
	try {
		return parseWordList(csvText);
	} catch (e) {
		throw worded(e);
	}
}

/** The text values of column `name`; refuses a missing column or one holding numbers. */
function textColumnOf(raw: RawColumn[], name: string): (string | null)[] {
	const column = raw.find((c) => c.name === name);
	if (!name || !column) throw trainError(name ? TW.noTextColumn(name) : TW.chooseTextColumn);
	if (column.type !== 'text') throw trainError(TW.numbersNotTexts(name));
	return column.values;
}

/**
 * The text models throw plain `Error`s with whole sentences written for users
 * ("The label column … has only one value."); mark those so `toUserError` shows
 * them as they are instead of blaming the compute backend. Anything else (a
 * TF.js failure such as a lost WebGL context) keeps the backend wording and its
 * hint to switch backends.
 */
function worded(e: unknown): unknown {
	const sentence = e instanceof Error && e.name === 'Error' && /^[A-Z"“].*[.!?]$/s.test(e.message.trim());
	return sentence ? trainError((e as Error).message) : e;
}
