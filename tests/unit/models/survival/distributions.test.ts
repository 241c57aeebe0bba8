/**
 * The quantile and tails behind the bands and p-values, against R 4.2.2:
 *   Rscript -e 'options(digits=17); print(c(qnorm(0.975), qnorm(0.995), qnorm(0.001), pchisq(3.84,1,lower.tail=FALSE),
 *     pchisq(100,2,lower.tail=FALSE), 2*pnorm(-8.5), 2*pnorm(-0.3), pchisq(7.5,5,lower.tail=FALSE)))'
 */
import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail, normalQuantile, twoSidedNormalP } from '../../../../models/survival/distributions';

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('distributions as R computes them', () => {
	it.each([
		[0.975, 1.9599639845400536],
		[0.995, 2.5758293035488999],
		[0.001, -3.0902323061678132]
	])('normalQuantile(%s) = qnorm', (p, r) => expect(relative(normalQuantile(p), r)).toBeLessThan(1e-14));

	it.each([
		[3.84, 1, 5.0043521248705224e-2],
		[100, 2, 1.9287498479639178e-22],
		[7.5, 5, 1.8602983360286701e-1]
	])('chiSquareUpperTail(%s, %s) = pchisq(lower.tail = FALSE)', (x, df, r) => expect(relative(chiSquareUpperTail(x, df), r)).toBeLessThan(1e-12));

	it.each([
		[-8.5, 1.8959069644406638e-17],
		[0.3, 7.6417715562209465e-1]
	])('twoSidedNormalP(%s) = 2 pnorm(-|z|)', (z, r) => expect(relative(twoSidedNormalP(z), r)).toBeLessThan(1e-12));

	it('normalQuantile rejects probabilities outside (0, 1)', () => expect(() => normalQuantile(1)).toThrow('invalid probability: 1'));
});
