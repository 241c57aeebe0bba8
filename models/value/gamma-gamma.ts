/**
 * The Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma model of
 * monetary value"): each purchase of a customer is Gamma(p, ν) with the
 * customer's rate ν ~ Gamma(q, γ); fitted on repeat customers' mean spend,
 * assuming spend is independent of purchase frequency (check it with
 * `frequencyMonetaryCorrelation`).
 */
import { inputError } from '../shared/input-error';
import { digamma, lgamma } from './special';
import { maximumLikelihood } from './optimize';
import type { FitReport, GammaGammaParams } from './types';

/**
 * ln f(m | p, q, γ, x) of a customer's mean spend m over x purchases (the note's eq. 4, as lifetimes):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + px ln x + (px−1) ln m − (px+q) ln(γ + m x).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
	const { p, q, v } = params;
	const px = p * x;
	return lgamma(px + q) - lgamma(px) - lgamma(q) + q * Math.log(v) + px * Math.log(x) + (px - 1) * Math.log(m) - (px + q) * Math.log(v + m * x);
}

/** Repeat customers prepared for the likelihood: the Γ and ψ terms depend on x only, so they are computed per distinct x. */
interface SpendData {
	x: Float64Array;
	m: Float64Array;
	xIndex: Int32Array;
	distinctX: Float64Array;
	xWeight: Float64Array;
	/** Σ x ln m and Σ ln m: the (px − 1) ln m term is linear in p. */
	sumXLogM: number;
	sumLogM: number;
}

function prepare(x: Float64Array, m: Float64Array): SpendData {
	const distinct = [...new Set(x)].sort((u, v) => u - v);
	const position = new Map(distinct.map((value, k) => [value, k]));
	const xWeight = new Float64Array(distinct.length);
	let sumXLogM = 0, sumLogM = 0;
	const xIndex = Int32Array.from(x, (value, i) => {
		const k = position.get(value)!;
		xWeight[k]++;
		sumXLogM += value * Math.log(m[i]);
		sumLogM += Math.log(m[i]);
		return k;
	});
	return { x, m, xIndex, distinctX: Float64Array.from(distinct), xWeight, sumXLogM, sumLogM };
}

/** Σ ln f and its gradient in (ln p, ln q, ln γ) over the repeat customers. */
function logLikelihoodAndGradient(d: SpendData, logParams: Float64Array): { ll: number; grad: Float64Array } {
	const p = Math.exp(logParams[0]), q = Math.exp(logParams[1]), v = Math.exp(logParams[2]);
	const lgq = lgamma(q), psq = digamma(q), logV = Math.log(v);
	let ll = p * d.sumXLogM - d.sumLogM, gp = d.sumXLogM, gq = 0, gv = 0;
	for (let k = 0; k < d.distinctX.length; k++) {
		const x = d.distinctX[k], w = d.xWeight[k], px = p * x, logX = Math.log(x), pspxq = digamma(px + q);
		ll += w * (lgamma(px + q) - lgamma(px) - lgq + q * logV + px * logX);
		gp += w * x * (pspxq - digamma(px) + logX);
		gq += w * (pspxq - psq + logV);
		gv += (w * q) / v;
	}
	for (let i = 0; i < d.x.length; i++) {
		const x = d.x[i], total = v + d.m[i] * x, logTotal = Math.log(total);
		ll -= (p * x + q) * logTotal;
		gp -= x * logTotal;
		gq -= logTotal;
		gv -= (p * x + q) / total;
	}
	return { ll, grad: Float64Array.of(gp * p, gq * q, gv * v) };
}

/** The customers the model is fitted on: at least one repeat purchase and a positive mean spend. */
export function spendingRepeatCustomers(frequency: Float64Array, monetary: Float64Array): { x: Float64Array; m: Float64Array } {
	if (frequency.length !== monetary.length) throw inputError(`invalid summary: frequency has ${frequency.length} rows, monetary ${monetary.length}`);
	const x: number[] = [], m: number[] = [];
	for (let i = 0; i < frequency.length; i++) {
		if (frequency[i] > 0 && monetary[i] > 0 && Number.isFinite(monetary[i])) {
			x.push(frequency[i]);
			m.push(monetary[i]);
		}
	}
	return { x: Float64Array.from(x), m: Float64Array.from(m) };
}

const fromLog = (v: ArrayLike<number>): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), v: Math.exp(v[2]) });

/**
 * Maximum likelihood on repeat customers with m > 0 (the others carry no spend
 * information), from starts spread around the mean spend; `penalizer` as in fitBgNbd.
 */
export function fitGammaGamma(frequency: Float64Array, monetary: Float64Array, opts: { signal?: AbortSignal; penalizer?: number } = {}): FitReport<GammaGammaParams> {
	const { x, m } = spendingRepeatCustomers(frequency, monetary);
	const n = x.length;
	if (n < 2) throw inputError(`only ${n} repeat customers with a positive spend: the Gamma-Gamma model needs more`);
	const data = prepare(x, m);
	// E[m] = p γ / (q − 1): starts that match the mean spend with light and heavy tails.
	const meanSpend = m.reduce((s, v) => s + v, 0) / n;
	const starts = [
		[1, 1, 1],
		[5, 4, (3 * meanSpend) / 5],
		[2, 2, meanSpend / 2],
		[10, 10, (9 * meanSpend) / 10]
	].map((v) => Float64Array.from(v, Math.log));
	const fit = maximumLikelihood((lp) => logLikelihoodAndGradient(data, lp), n, starts, opts.penalizer ?? 0, opts.signal);
	return {
		params: fromLog(fit.logParams),
		standardErrors: fit.standardErrors && fromLog(fit.standardErrors.map(Math.log)),
		logLikelihood: fit.logLikelihood,
		customers: n,
		converged: fit.converged,
		starts: starts.length
	};
}

/** E[M | p, q, γ, x, m] = p (γ + x m) / (p x + q − 1); the population mean p γ / (q − 1) when x = 0. */
export function conditionalExpectedSpend(params: GammaGammaParams, x: number, m: number): number {
	const { p, q, v } = params;
	if (x === 0) return (p * v) / (q - 1);
	return (p * (v + x * m)) / (p * x + q - 1);
}

/** Pearson correlation of frequency and mean spend over the customers the Gamma-Gamma model uses (NaN below 2). */
export function frequencyMonetaryCorrelation(frequency: Float64Array, monetary: Float64Array): number {
	const { x, m } = spendingRepeatCustomers(frequency, monetary);
	const n = x.length;
	const data = prepare(x, m);
	if (n < 2) return NaN;
	let mx = 0, mm = 0;
	for (let i = 0; i < n; i++) {
		mx += x[i] / n;
		mm += m[i] / n;
	}
	let sxy = 0, sxx = 0, syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (m[i] - mm);
		sxx += (x[i] - mx) ** 2;
		syy += (m[i] - mm) ** 2;
	}
	return sxy / Math.sqrt(sxx * syy);
}
