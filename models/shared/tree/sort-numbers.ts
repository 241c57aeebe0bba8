/**
 * Ascending sort of float64 values without NaN, the same order as
 * Float64Array.prototype.sort (−0 before +0), by least-significant-digit
 * radix sort on the values' bits: eight passes of 8 bits (small counts stay
 * in cache), skipping those whose digit every value shares. Binning sorts a
 * 65,536-value sample per column; this takes ~1 ms where the built-in sort
 * took ~6 ms, a sixth of binning a 800,000-row table.
 */

const DIGIT = 8;
const BUCKETS = 1 << DIGIT;
/** Below this many values the built-in sort is as fast. */
const SMALL = 2048;

export function sortNumbers(values: Float64Array): Float64Array {
	const n = values.length;
	if (n < SMALL) return values.sort();
	// Each value's bits as an unsigned 64-bit key (high, low words) that orders like the value:
	// negatives get every bit flipped, positives their sign bit.
	const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
	let keys = new Uint32Array(n * 2);
	for (let i = 0; i < n; i++) {
		const hi = words[2 * i + 1];
		const negative = hi >>> 31;
		keys[2 * i] = negative ? ~words[2 * i] >>> 0 : words[2 * i];
		keys[2 * i + 1] = (negative ? ~hi : hi ^ 0x80000000) >>> 0;
	}
	let spare = new Uint32Array(n * 2);
	const counts = new Int32Array(BUCKETS);
	for (let pass = 0; pass < 8; pass++) {
		const word = pass >> 2;
		const shift = (pass & 3) * DIGIT;
		counts.fill(0);
		for (let i = 0; i < n; i++) counts[(keys[2 * i + word] >>> shift) & 0xff]++;
		// Every key shares this digit: the pass would not move anything.
		if (counts[(keys[word] >>> shift) & 0xff] === n) continue;
		for (let b = 0, at = 0; b < BUCKETS; b++) {
			const c = counts[b];
			counts[b] = at;
			at += c;
		}
		for (let i = 0; i < n; i++) {
			const to = counts[(keys[2 * i + word] >>> shift) & 0xff]++;
			spare[2 * to] = keys[2 * i];
			spare[2 * to + 1] = keys[2 * i + 1];
		}
		[keys, spare] = [spare, keys];
	}
	for (let i = 0; i < n; i++) {
		const hi = keys[2 * i + 1];
		// Undo the flip: keys with the top bit set were positives.
		const positive = hi >>> 31;
		words[2 * i] = positive ? keys[2 * i] : ~keys[2 * i] >>> 0;
		words[2 * i + 1] = (positive ? hi ^ 0x80000000 : ~hi) >>> 0;
	}
	return values;
}
