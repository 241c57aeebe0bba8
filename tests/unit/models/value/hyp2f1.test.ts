import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lgamma } from '../../../../models/value';
import reference from './r-reference.json';

const close = (actual: number, expected: number, rel: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));

describe('lgamma / digamma', () => {
	it.each([
		[0.5, 0.5 * Math.log(Math.PI)],
		[1, 0],
		[2, 0],
		[10, Math.log(362_880)],
		[0.01, 4.599479878042022], // R: lgamma(0.01)
		[150.5, 602.5139548705853] // R: sprintf("%.16g", lgamma(150.5))
	])('lgamma(%f)', (x, expected) => close(lgamma(x), expected, 1e-14));
	it.each([
		[1, -0.5772156649015329],
		[0.5, -0.5772156649015329 - 2 * Math.log(2)],
		[7.25, 1.9104535268837362] // R: sprintf("%.17g", digamma(7.25))
	])('digamma(%f)', (x, expected) => close(digamma(x), expected, 1e-14));
});

describe('hyp2f1', () => {
	// Closed forms (Abramowitz & Stegun 15.1.3–15.1.8), on both sides of 0 and near 1.
	it.each([-30, -3, -0.5, 0.001, 0.3, 0.9, 0.999])('2F1(1, 1; 2; %f) = −ln(1 − z)/z', (z) => close(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-13));
	it.each([-4, -0.2, 0.5, 0.95])('2F1(a, b; b; %f) = (1 − z)^−a', (z) => close(hyp2f1(0.37, 2.5, 2.5, z), Math.pow(1 - z, -0.37), 1e-13));
	it.each([0.1, 0.6, 0.99])('2F1(1/2, 1/2; 3/2; z²) = asin(z)/z at z = %f', (z) => close(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z, 1e-12));
	it.each([0.3, 1, 2, 10])('2F1(1/2, 1; 3/2; −z²) = atan(z)/z at z = %f', (z) => close(hyp2f1(0.5, 1, 1.5, -z * z), Math.atan(z) / z, 1e-13));
	it('is a polynomial when a is a non-positive integer', () => {
		const [b, c, z] = [1.7, 2.9, 0.8];
		close(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 1e-15);
	});
	// R's `integrate` of the Euler integral (reference.R); its own accuracy is about 1e-12.
	it.each(reference.hyp2f1)('2F1(%f, %f; %f; %f) = R %f', (a, b, c, z, expected) => close(hyp2f1(a, b, c, z), expected, 1e-10));
	it('refuses z ≥ 1 and c = 0, −1, …', () => {
		expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/z < 1/);
		expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(/undefined/);
	});
});
