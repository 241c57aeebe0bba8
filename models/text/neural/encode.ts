/**
 * Texts as token-id sequences for the neural models, and how those sequences
 * are grouped into batches. Sequences are kept unpadded; a batch is padded
 * only to its own longest text, and batches group texts of similar length, so
 * the networks do not spend time on padding (reviews vary from 5 to 500 words).
 */
import { tokensOf } from '../tokenize';
import { encodeIds, PAD, UNK } from '../vocab';
import { shuffle } from '../../shared/random';

/** Ids of one text: head and tail kept when longer than `maxLength`; an empty text is a lone `<unk>`. */
export function textIds(tokens: readonly string[], index: Map<string, number>, maxLength: number): Int32Array {
	if (tokens.length === 0) return Int32Array.of(UNK);
	return encodeIds(tokens, index, Math.min(tokens.length, maxLength));
}

export function encodeTexts(texts: readonly string[], index: Map<string, number>, maxLength: number): Int32Array[] {
	return texts.map((t) => textIds(tokensOf(t), index, maxLength));
}

/** A padded batch: `ids` is `[rows, T]` row-major with PAD after each text's `lengths[i]` tokens. */
export interface IdBatch {
	ids: Int32Array;
	lengths: Int32Array;
	rows: number;
	T: number;
}

export function padBatch(seqs: readonly Int32Array[], members: ArrayLike<number>): IdBatch {
	let T = 1;
	for (let i = 0; i < members.length; i++) T = Math.max(T, seqs[members[i]].length);
	const ids = new Int32Array(members.length * T).fill(PAD);
	const lengths = new Int32Array(members.length);
	for (let i = 0; i < members.length; i++) {
		const s = seqs[members[i]];
		ids.set(s, i * T);
		lengths[i] = s.length;
	}
	return { ids, lengths, rows: members.length, T };
}

/**
 * One epoch's batches (indices into the training rows): rows shuffled, then
 * sorted by length within pools of 16 batches so each batch has similar
 * lengths, and the batch order shuffled again. Seeded through `rng`.
 */
export function trainingBatches(lengths: ArrayLike<number>, batchSize: number, rng: () => number): Int32Array[] {
	const order = shuffle(Int32Array.from({ length: lengths.length }, (_, i) => i), rng);
	const pool = batchSize * 16;
	const batches: Int32Array[] = [];
	for (let p = 0; p < order.length; p += pool) {
		// Array sort is stable: equal lengths keep their shuffled order.
		const members = Array.from(order.subarray(p, Math.min(p + pool, order.length))).sort((a, b) => lengths[a] - lengths[b]);
		for (let b = 0; b < members.length; b += batchSize) batches.push(Int32Array.from(members.slice(b, b + batchSize)));
	}
	return shuffle(batches, rng);
}

/**
 * Batches for scoring: texts sorted by length, each batch holding at most
 * `maxTokens` padded tokens (and `maxRows` texts), so memory stays bounded.
 */
export function scoringBatches(seqs: readonly Int32Array[], maxTokens: number, maxRows = 512): Int32Array[] {
	const order = Array.from(seqs.keys()).sort((a, b) => seqs[b].length - seqs[a].length);
	const batches: Int32Array[] = [];
	let i = 0;
	while (i < order.length) {
		const T = Math.max(1, seqs[order[i]].length); // the longest of this batch: the order is by decreasing length
		const rows = Math.max(1, Math.min(maxRows, Math.floor(maxTokens / T)));
		batches.push(Int32Array.from(order.slice(i, i + rows)));
		i += rows;
	}
	return batches;
}
