/** Agreement between two clusterings, for tests and for comparing runs. */

/**
 * Adjusted Rand index (Hubert & Arabie 1985): 1 for identical partitions whatever
 * the label names, about 0 for independent ones.
 */
export function adjustedRandIndex(a: Int32Array, b: Int32Array): number {
	if (a.length !== b.length) throw new Error(`invalid labels: ${a.length} and ${b.length} rows`);
	const n = a.length;
	const ka = a.reduce((m, l) => Math.max(m, l + 1), 0);
	const kb = b.reduce((m, l) => Math.max(m, l + 1), 0);
	const table = new Float64Array(ka * kb);
	const rowsA = new Float64Array(ka);
	const rowsB = new Float64Array(kb);
	for (let i = 0; i < n; i++) {
		table[a[i] * kb + b[i]]++;
		rowsA[a[i]]++;
		rowsB[b[i]]++;
	}
	const pairs = (x: number) => (x * (x - 1)) / 2;
	const index = table.reduce((s, x) => s + pairs(x), 0);
	const sumA = rowsA.reduce((s, x) => s + pairs(x), 0);
	const sumB = rowsB.reduce((s, x) => s + pairs(x), 0);
	const expected = (sumA * sumB) / pairs(n);
	const max = (sumA + sumB) / 2;
	// Both partitions trivial (one cluster each, or all singletons): they agree perfectly.
	return max === expected ? 1 : (index - expected) / (max - expected);
}
