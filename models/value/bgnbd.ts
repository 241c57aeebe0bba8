/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way"): while alive a customer buys at Poisson rate λ ~ Gamma(r, α); after each
 * repeat purchase they leave with probability p ~ Beta(a, b).
 */
import { inputError } from '../shared/input-error';
import { digamma, lgamma, logAddExp } from './special';
import { hyp2f1ExcessOverB } from './hyp2f1';
import { maximumLikelihood } from './optimize';
import type { BgNbdParams, FitReport, PurchaseSummary } from './types';

/**
 * ln L(r, α, a, b | x, t_x, T) for one customer (paper eq. 6), as
 * ln[Γ(r+x) αʳ / Γ(r)] + ln[B(a, b+x) / B(a, b)] + ln[(α+T)^−(r+x) + δ_{x>0} a/(b+x−1) (α+t_x)^−(r+x)],
 * the last term by log-sum-exp (each power underflows alone for frequent buyers).
 */
export function bgnbdLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
	const { r, alpha, a, b } = params;
	const common = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x);
	const stillAlive = -(r + x) * Math.log(alpha + T);
	const leftAfterLast = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
	return common + logAddExp(stillAlive, leftAfterLast);
}

/** Customers with the same (x, t_x, T) share a likelihood term: many one-time buyers do. */
interface GroupedSummary {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	weight: Float64Array;
	/** Index into `distinctX` per group, for the terms that depend on x only. */
	xIndex: Int32Array;
	distinctX: Float64Array;
	/** Customers per distinct x. */
	xWeight: Float64Array;
	customers: number;
}

function groupSummary(s: Pick<PurchaseSummary, 'frequency' | 'recency' | 'age'>): GroupedSummary {
	const n = s.frequency.length;
	if (s.recency.length !== n || s.age.length !== n) throw inputError(`invalid summary: frequency, recency and age have ${n}, ${s.recency.length} and ${s.age.length} rows`);
	const groups = new Map<string, number>();
	const xs: number[] = [], txs: number[] = [], Ts: number[] = [], weights: number[] = [];
	for (let i = 0; i < n; i++) {
		const x = s.frequency[i], tx = s.recency[i], T = s.age[i];
		if (!(x >= 0 && Number.isInteger(x))) throw inputError(`invalid frequency: ${x} (customer ${i + 1}; repeat purchases are a whole number ≥ 0)`);
		if (!(tx >= 0 && T >= tx) || !Number.isFinite(T)) throw inputError(`invalid recency/age: ${tx}/${T} (customer ${i + 1}; need 0 ≤ recency ≤ age)`);
		const key = `${x},${tx},${T}`;
		const g = groups.get(key);
		if (g === undefined) {
			groups.set(key, xs.length);
			xs.push(x);
			txs.push(tx);
			Ts.push(T);
			weights.push(1);
		} else weights[g]++;
	}
	const distinct = [...new Set(xs)].sort((u, v) => u - v);
	const position = new Map(distinct.map((x, k) => [x, k]));
	const xWeight = new Float64Array(distinct.length);
	const xIndex = Int32Array.from(xs, (x, g) => {
		const k = position.get(x)!;
		xWeight[k] += weights[g];
		return k;
	});
	return { x: Float64Array.from(xs), tx: Float64Array.from(txs), T: Float64Array.from(Ts), weight: Float64Array.from(weights), xIndex, distinctX: Float64Array.from(distinct), xWeight, customers: n };
}

/**
 * Σ ln L and its gradient in (ln r, ln α, ln a, ln b). The x-only terms (ln Γ, ψ) are
 * computed once per distinct x; each (x, t_x, T) group then costs two logs and an exp.
 */
function logLikelihoodAndGradient(d: GroupedSummary, logParams: Float64Array): { ll: number; grad: Float64Array } {
	const r = Math.exp(logParams[0]), alpha = Math.exp(logParams[1]), a = Math.exp(logParams[2]), b = Math.exp(logParams[3]);
	const K = d.distinctX.length;
	const logA = new Float64Array(K); // ln a − ln(b + x − 1), for x > 0
	const invBx = new Float64Array(K); // 1 / (b + x − 1)
	let ll = 0, gr = 0, ga = 0, gb = 0;
	const lgr = lgamma(r), lgb = lgamma(b), lgab = lgamma(a + b), psr = digamma(r), psb = digamma(b), psab = digamma(a + b);
	for (let k = 0; k < K; k++) {
		const x = d.distinctX[k], w = d.xWeight[k];
		ll += w * (lgamma(r + x) - lgr + lgab + lgamma(b + x) - lgb - lgamma(a + b + x));
		const psabx = digamma(a + b + x);
		gr += w * (digamma(r + x) - psr);
		ga += w * (psab - psabx);
		gb += w * (psab + digamma(b + x) - psb - psabx);
		if (x > 0) {
			invBx[k] = 1 / (b + x - 1);
			logA[k] = Math.log(a) + Math.log(invBx[k]);
		}
	}
	const logAlpha = Math.log(alpha);
	let galpha = 0;
	for (let g = 0; g < d.x.length; g++) {
		const x = d.x[g], w = d.weight[g], k = d.xIndex[g];
		const logAT = Math.log(alpha + d.T[g]);
		const stillAlive = -(r + x) * logAT;
		let term = stillAlive, wLeft = 0, logATx = 0;
		if (x > 0) {
			logATx = Math.log(alpha + d.tx[g]);
			const left = logA[k] - (r + x) * logATx;
			term = logAddExp(stillAlive, left);
			wLeft = Math.exp(left - term);
		}
		const wAlive = Math.exp(stillAlive - term);
		ll += w * (r * logAlpha + term);
		gr += w * (logAlpha - wAlive * logAT - wLeft * logATx);
		galpha += w * (r / alpha - (r + x) * (wAlive / (alpha + d.T[g]) + (x > 0 ? wLeft / (alpha + d.tx[g]) : 0)));
		if (x > 0) {
			ga += (w * wLeft) / a;
			gb -= w * wLeft * invBx[k];
		}
	}
	return { ll, grad: Float64Array.of(gr * r, galpha * alpha, ga * a, gb * b) };
}

const fromLog = (v: ArrayLike<number>): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });

/**
 * Maximum likelihood over the log-parameters from four starting points (lifetimes'
 * all-ones and three spread by the observed purchase rate); the best optimum wins.
 * `penalizer` adds penalizer × Σθ² to the mean negative log-likelihood, as lifetimes'
 * `penalizer_coef` does (0 by default: the plain MLE).
 */
export function fitBgNbd(s: Pick<PurchaseSummary, 'frequency' | 'recency' | 'age'>, opts: { signal?: AbortSignal; penalizer?: number } = {}): FitReport<BgNbdParams> {
	const d = groupSummary(s);
	if (d.customers === 0) throw inputError('no customers to fit the BG/NBD model on');
	let repeats = 0, totalAge = 0;
	for (let i = 0; i < s.frequency.length; i++) {
		repeats += s.frequency[i];
		totalAge += s.age[i];
	}
	if (repeats === 0) throw inputError('no customer bought twice in the calibration period: the BG/NBD model needs repeat purchases (pick a later calibration end)');
	if (!(totalAge > 0)) throw inputError('every customer has age 0: pick a calibration end after the first purchases');
	const rate = repeats / totalAge;
	const starts = [
		[1, 1, 1, 1],
		[0.5, 0.5 / rate, 1, 3],
		[2, 2 / rate, 0.5, 1],
		[0.2, 0.2 / rate, 2, 10]
	].map((v) => Float64Array.from(v, Math.log));
	const fit = maximumLikelihood((lp) => logLikelihoodAndGradient(d, lp), d.customers, starts, opts.penalizer ?? 0, opts.signal);
	return {
		params: fromLog(fit.logParams),
		standardErrors: fit.standardErrors && fromLog(fit.standardErrors.map(Math.log)),
		logLikelihood: fit.logLikelihood,
		customers: d.customers,
		converged: fit.converged,
		starts: starts.length
	};
}

/**
 * ln of a/(b+x−1) ((α+T)/(α+t_x))^(r+x): the odds that a customer with x > 0 left
 * right after their last purchase rather than still being active.
 */
function logOddsLeft(p: BgNbdParams, x: number, tx: number, T: number): number {
	if (x === 0) return -Infinity;
	return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/** P(alive at T | x, t_x, T) (paper eq. 11 / lifetimes' `conditional_probability_alive`): 1 when x = 0. */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
	return 1 / (1 + Math.exp(logOddsLeft(p, x, tx, T)));
}

/**
 * [1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z)] / (a − 1): the bracket of both
 * expectations after Euler's transformation ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z)
 * applied to the paper's ₂F₁(r+x, b+x; a+b+x−1; z). The paper's form sums terms that grow
 * like (1−z)^−(r+x−a+1) for heavy buyers and divides by a − 1; this one has small parameters
 * (its series converges even at z = 1) and is exact as a → 1 (expm1 / the excess over 1).
 */
function bracket(p: BgNbdParams, x: number, z: number): number {
	const e = p.a - 1;
	const logOneMinusZ = Math.log1p(-z);
	const power = Math.exp(e * logOneMinusZ);
	const first = e === 0 ? -logOneMinusZ : -Math.expm1(e * logOneMinusZ) / e;
	return first - power * hyp2f1ExcessOverB(p.a + p.b - 1 - p.r, e, p.a + p.b + x - 1, z);
}

/** Unconditional E[X(t)] for a customer just acquired (paper eq. 9). */
export function expectedPurchases(p: BgNbdParams, t: number): number {
	if (t === 0) return 0;
	if (!(t > 0)) throw inputError(`invalid horizon: ${t} (a time ≥ 0)`);
	return (p.a + p.b - 1) * bracket(p, 0, t / (p.alpha + t));
}

/** E[Y(t) | x, t_x, T]: expected repeat purchases in (T, T + t] (paper eq. 10). */
export function conditionalExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
	if (t === 0) return 0;
	if (!(t > 0)) throw inputError(`invalid horizon: ${t} (a time ≥ 0)`);
	return (p.a + p.b + x - 1) * bracket(p, x, t / (p.alpha + T + t)) * probabilityAlive(p, x, tx, T);
}

/** P(alive) on the classic matrix: frequency 0..maxFrequency × recency 0..T in `steps` equal steps (steps + 1 values), for a customer of age T. */
export function probabilityAliveMatrix(p: BgNbdParams, maxFrequency: number, T: number, steps: number): { frequency: number[]; recency: number[]; value: Float64Array } {
	if (!(Number.isInteger(maxFrequency) && maxFrequency >= 0)) throw inputError(`invalid maxFrequency: ${maxFrequency}`);
	if (!(Number.isInteger(steps) && steps >= 1)) throw inputError(`invalid steps: ${steps}`);
	if (!(T > 0)) throw inputError(`invalid age: ${T}`);
	const frequency = Array.from({ length: maxFrequency + 1 }, (_, f) => f);
	const recency = Array.from({ length: steps + 1 }, (_, i) => (i * T) / steps);
	const value = new Float64Array(frequency.length * recency.length);
	for (const f of frequency) for (let i = 0; i < recency.length; i++) value[f * recency.length + i] = probabilityAlive(p, f, recency[i], T);
	return { frequency, recency, value };
}
