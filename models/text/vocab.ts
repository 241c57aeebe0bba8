/**
 * A vocabulary built on training rows only, capped in size: the most frequent
 * tokens (by document frequency, ties by first appearance so it is
 * deterministic), with reserved ids for padding and unknown tokens.
 */
export const PAD = 0;
export const UNK = 1;
const RESERVED = ['<pad>', '<unk>'];

export interface Vocabulary {
	/** id → token; ids 0 and 1 are `<pad>` and `<unk>`. */
	tokens: string[];
}

export interface VocabOptions {
	maxSize: number;
	/** Tokens seen in fewer documents are left out. */
	minCount: number;
}

export function buildVocab(docs: readonly (readonly string[])[], options: VocabOptions): Vocabulary {
	const df = new Map<string, number>();
	for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
	// Map iteration is insertion order, and sort is stable: ties keep first appearance.
	const kept = [...df].filter(([, n]) => n >= options.minCount).sort((a, b) => b[1] - a[1]);
	return { tokens: [...RESERVED, ...kept.slice(0, Math.max(0, options.maxSize - RESERVED.length)).map(([t]) => t)] };
}

/** Token → id lookup for a vocabulary. */
export const indexOf = (vocab: Vocabulary): Map<string, number> => new Map(vocab.tokens.map((t, i) => [t, i]));

/**
 * Token ids of one document, cut or padded to `length`. Long reviews keep their
 * head and tail (openings and verdicts carry most sentiment).
 */
export function encodeIds(tokens: readonly string[], index: Map<string, number>, length: number): Int32Array {
	const ids = new Int32Array(length); // PAD = 0
	const take = (t: string) => index.get(t) ?? UNK;
	if (tokens.length <= length) {
		tokens.forEach((t, i) => (ids[i] = take(t)));
	} else {
		const head = Math.ceil(length * 0.75);
		for (let i = 0; i < head; i++) ids[i] = take(tokens[i]);
		const tail = length - head;
		for (let i = 0; i < tail; i++) ids[head + i] = take(tokens[tokens.length - tail + i]);
	}
	return ids;
}
