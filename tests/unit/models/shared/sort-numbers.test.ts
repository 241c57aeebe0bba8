/** The binning sample's radix sort orders numbers exactly as Float64Array.prototype.sort. */
import { describe, expect, it } from 'vitest';
import { sortNumbers } from '$models/shared/tree/sort-numbers';
import { createRng } from '$models/shared/random';

const rng = createRng(5);
const SPECIAL = [0, -0, 1, -1, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308];
const samples: [string, () => number][] = [
	['uniform', () => rng()],
	['both signs', () => rng() - 0.5],
	['huge and tiny magnitudes', () => (rng() - 0.5) * 10 ** Math.floor(rng() * 600 - 300)],
	['few distinct integers', () => Math.floor(rng() * 10) - 5],
	['zeros of both signs, infinities, subnormals', () => SPECIAL[Math.floor(rng() * SPECIAL.length)]],
	['one value', () => 42.5]
];

describe('sortNumbers', () => {
	it.each(samples)('%s: the built-in sort order, bit for bit', (_, draw) => {
		for (const n of [65_536, 3_001, 10]) {
			const values = Float64Array.from({ length: n }, draw);
			const expected = Float64Array.from(values).sort();
			const sorted = sortNumbers(values);
			expect(sorted).toBe(values);
			expect(Array.from(sorted).map((v) => Object.is(v, -0) ? '-0' : v)).toEqual(Array.from(expected).map((v) => Object.is(v, -0) ? '-0' : v));
		}
	});
});
