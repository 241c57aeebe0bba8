/** Numeric binning puts every value in bin 1 + #{cuts <= v}, whatever the shape of the column. */
import { describe, expect, it } from 'vitest';
import { applyBinning, fitBinning } from '$models/shared/tree';
import { createRng } from '$models/shared/random';
import type { Features } from '$models';

function column(values: Float64Array): Features {
	return { rows: values.length, columns: [{ name: 'x', kind: 'numeric', values }] };
}

describe('numeric binning', () => {
	const rng = createRng(11);
	const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
	const shapes: [string, () => number][] = [
		['uniform', () => rng() * 100],
		['heavy-tailed incomes', () => Math.exp(3 * normal()) * 1e3],
		['integers with ties', () => Math.floor(rng() * 40)],
		['one huge outlier among small values', () => (rng() < 0.0005 ? 1e12 : rng() * 1e-6)],
		['negative and tiny', () => -1e-9 * rng()],
		['large ids a few units apart (grid lines closer than a float step)', () => 1e15 + Math.floor(rng() * 3000) * 0.125],
		['timestamps in ms', () => 1.7e12 + Math.floor(rng() * 1e9)]
	];
	it.each(shapes)('%s: every value lands in 1 + #{cuts <= v}, NaN and ±Infinity included', (_, draw) => {
		const values = Float64Array.from({ length: 20_000 }, (_, i) => (i % 97 === 0 ? NaN : draw()));
		values[1] = Infinity;
		values[2] = -Infinity;
		const [binning] = fitBinning(column(values), 255);
		const bins = applyBinning(column(values), [binning]).columns;
		const cuts = Array.from(binning.cuts);
		for (let r = 0; r < values.length; r++) {
			const v = values[r];
			const expected = Number.isNaN(v) ? 0 : 1 + cuts.filter((c) => c <= v).length;
			if (bins[r] !== expected) expect({ r, v, bin: bins[r] }).toEqual({ r, v, bin: expected });
		}
		// Values equal to a cut go right of it (bin "v < cut" is the left side).
		for (const [i, cut] of cuts.entries()) expect(applyBinning(column(Float64Array.of(cut)), [binning]).columns[0]).toBe(i + 2);
	});
});
