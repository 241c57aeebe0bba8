/**
 * Cox proportional hazards for churn timing, fitted as R's `coxph` does:
 * covariates centred on their means, Newton–Raphson from zero with step
 * halving, convergence when the log partial likelihood changes by a relative
 * 1e-9 (`coxph.control` eps), Efron's handling of tied churn times by default
 * (Breslow on request), standard errors from the inverse information.
 * One pass per iteration over the customers sorted by descending duration
 * accumulates the risk-set sums: O(n p²).
 */
import { throwIfAborted } from '../shared/cancel';
import { inputError } from '../shared/input-error';
import { normalQuantile, twoSidedNormalP } from './distributions';
import { cholesky, inverseFactored, solveFactored } from './linear-algebra';
import { checkSurvivalData, orderByDuration } from './sorted-times';
import { concordanceIndex } from './concordance';

export interface CoxModel {
	names: string[];
	coefficients: number[];
	standardErrors: number[];
	hazardRatios: number[];
	/** 95 % confidence interval of the hazard ratio. */
	lower: number[];
	upper: number[];
	z: number[];
	p: number[];
	logLikelihood: number;
	/** At all coefficients 0. */
	nullLogLikelihood: number;
	/** Harrell's C of the linear predictor, as `summary(coxph)` reports it. */
	concordance: number;
	iterations: number;
	converged: boolean;
	ties: CoxTies;
	/** Centring values, as R's `fit$means`: column means, 0 for columns of −1/0/1 only (R's `nocenter`); the linear predictor and the baseline are centred on them. */
	means: number[];
	/** Cumulative hazard of a customer at the means (R's `survfit(fit)`: Efron's estimator for an Efron fit, Breslow's otherwise), every distinct time. */
	baseline: { time: number[]; cumulativeHazard: number[] };
}

export type CoxTies = 'efron' | 'breslow';

export interface CoxOptions {
	ties?: CoxTies;
	signal?: AbortSignal;
	/** R's `iter.max`, 20 by default. */
	maxIterations?: number;
}

/** R's `coxph.control()$eps`. */
const EPS = 1e-9;

/**
 * The centring values: column means, except 0 for a column of −1, 0 and 1
 * only (R's `nocenter` default), so R's baseline curve is that of a customer
 * in every reference level and at the mean of each number.
 */
function centres(X: Float64Array, n: number, p: number): Float64Array {
	const means = new Float64Array(p);
	const flagLike = new Uint8Array(p).fill(1);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < p; j++) {
			const v = X[i * p + j];
			means[j] += v;
			if (v !== 0 && v !== 1 && v !== -1) flagLike[j] = 0;
		}
	for (let j = 0; j < p; j++) means[j] = flagLike[j] ? 0 : means[j] / n;
	return means;
}

/** Customers sorted by descending duration, covariates centred, with the blocks of equal times. */
interface RiskSets {
	n: number;
	p: number;
	x: Float64Array; // row-major, sorted
	status: Uint8Array;
	time: Float64Array;
	/** Start of each block of equal times (descending), plus n at the end. */
	blocks: Int32Array;
}

function riskSets(duration: ArrayLike<number>, event: ArrayLike<number>, X: Float64Array, p: number, means: Float64Array): RiskSets {
	const n = duration.length;
	const order = orderByDuration(duration).reverse();
	const x = new Float64Array(n * p);
	const status = new Uint8Array(n);
	const time = new Float64Array(n);
	const starts: number[] = [];
	for (let k = 0; k < n; k++) {
		const i = order[k];
		for (let j = 0; j < p; j++) x[k * p + j] = X[i * p + j] - means[j];
		status[k] = event[i];
		time[k] = duration[i];
		if (k === 0 || time[k] !== time[k - 1]) starts.push(k);
	}
	starts.push(n);
	return { n, p, x, status, time, blocks: Int32Array.from(starts) };
}

interface Step {
	logLikelihood: number;
	score: Float64Array;
	information: Float64Array; // p×p, full
}

/** Log partial likelihood, score and information at `beta`. */
function evaluate(sets: RiskSets, beta: Float64Array, ties: CoxTies): Step {
	const { n, p, x, status, blocks } = sets;
	const score = new Float64Array(p);
	const information = new Float64Array(p * p);
	const s1 = new Float64Array(p);
	const s2 = new Float64Array(p * p); // lower triangle used
	const d1 = new Float64Array(p);
	const d2 = new Float64Array(p * p);
	const mean = new Float64Array(p);
	let s0 = 0;
	let logLikelihood = 0;
	const risk = new Float64Array(n);
	for (let k = 0; k < n; k++) {
		let eta = 0;
		for (let j = 0; j < p; j++) eta += x[k * p + j] * beta[j];
		risk[k] = Math.exp(eta);
		if (status[k]) {
			logLikelihood += eta;
			for (let j = 0; j < p; j++) score[j] += x[k * p + j];
		}
	}
	for (let b = 0; b + 1 < blocks.length; b++) {
		let deaths = 0;
		let dr = 0;
		d1.fill(0);
		d2.fill(0);
		for (let k = blocks[b]; k < blocks[b + 1]; k++) {
			const r = risk[k];
			const row = k * p;
			s0 += r;
			for (let j = 0; j < p; j++) {
				const rx = r * x[row + j];
				s1[j] += rx;
				for (let l = 0; l <= j; l++) s2[j * p + l] += rx * x[row + l];
			}
			if (status[k]) {
				deaths++;
				dr += r;
				for (let j = 0; j < p; j++) {
					const rx = r * x[row + j];
					d1[j] += rx;
					for (let l = 0; l <= j; l++) d2[j * p + l] += rx * x[row + l];
				}
			}
		}
		if (deaths === 0) continue;
		// Breslow: every churner sees the whole risk set; Efron: the tied churners leave it a fraction at a time.
		const efron = ties === 'efron' && deaths > 1;
		const passes = efron ? deaths : 1;
		const weight = efron ? 1 : deaths;
		for (let m = 0; m < passes; m++) {
			const f = efron ? m / deaths : 0;
			const denom = s0 - f * dr;
			logLikelihood -= weight * Math.log(denom);
			for (let j = 0; j < p; j++) {
				mean[j] = (s1[j] - f * d1[j]) / denom;
				score[j] -= weight * mean[j];
			}
			for (let j = 0; j < p; j++)
				for (let l = 0; l <= j; l++) information[j * p + l] += weight * ((s2[j * p + l] - f * d2[j * p + l]) / denom - mean[j] * mean[l]);
		}
	}
	for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) information[l * p + j] = information[j * p + l];
	return { logLikelihood, score, information };
}

export function fitCox(duration: ArrayLike<number>, event: ArrayLike<number>, X: Float64Array, names: string[], opts: CoxOptions = {}): CoxModel {
	checkSurvivalData(duration, event);
	const ties = opts.ties ?? 'efron';
	const maxIterations = opts.maxIterations ?? 20;
	const n = duration.length;
	const p = names.length;
	if (p === 0) throw inputError('The Cox model needs at least one covariate.');
	if (X.length !== n * p) throw new Error(`invalid X: ${X.length} values for ${n} customers × ${p} covariates`);
	let churners = 0;
	for (let i = 0; i < n; i++) churners += event[i];
	if (churners === 0) throw inputError('No customer churned: the Cox model needs churn events.');
	for (let i = 0; i < X.length; i++) if (!Number.isFinite(X[i])) throw inputError(`invalid covariate value: ${X[i]} (customer ${Math.floor(i / p) + 1}, ${names[i % p]})`);

	const means = centres(X, n, p);
	const sets = riskSets(duration, event, X, p, means);

	// Newton–Raphson as R's coxfit6: a step is taken from each accepted point; a worse one is halved.
	let beta = new Float64Array(p);
	let current = evaluate(sets, beta, ties);
	const nullLogLikelihood = current.logLikelihood;
	let logLikelihood = nullLogLikelihood;
	let factor = Float64Array.from(current.information);
	cholesky(factor, p);
	let next = beta.map((b, j) => b + solveFactored(factor, p, Float64Array.from(current.score))[j]);
	let halving = false;
	let converged = false;
	let iterations = 0;
	for (iterations = 1; iterations <= maxIterations; iterations++) {
		throwIfAborted(opts.signal);
		const trial = evaluate(sets, next, ties);
		const finite = Number.isFinite(trial.logLikelihood);
		if (finite && Math.abs(1 - logLikelihood / trial.logLikelihood) <= EPS && !halving) {
			beta = next;
			current = trial;
			logLikelihood = trial.logLikelihood;
			converged = true;
			break;
		}
		if (iterations === maxIterations) break;
		if (!finite || trial.logLikelihood < logLikelihood) {
			halving = true;
			next = next.map((b, j) => (b + beta[j]) / 2);
		} else {
			halving = false;
			logLikelihood = trial.logLikelihood;
			current = trial;
			beta = next;
			factor = Float64Array.from(trial.information);
			cholesky(factor, p);
			const step = solveFactored(factor, p, Float64Array.from(trial.score));
			next = beta.map((b, j) => b + step[j]);
		}
	}
	iterations = Math.min(iterations, maxIterations);

	factor = Float64Array.from(current.information);
	cholesky(factor, p);
	const variance = inverseFactored(factor, p);
	const z975 = normalQuantile(0.975);
	const coefficients: number[] = [];
	const standardErrors: number[] = [];
	for (let j = 0; j < p; j++) {
		// A zero pivot: the covariate is redundant given the others (R reports NA).
		const redundant = factor[j * p + j] === 0;
		coefficients.push(redundant ? NaN : beta[j]);
		standardErrors.push(redundant ? NaN : Math.sqrt(variance[j * p + j]));
	}
	const z = coefficients.map((b, j) => b / standardErrors[j]);
	const effective = Float64Array.from(coefficients, (b) => (Number.isNaN(b) ? 0 : b));
	const risk = new Float64Array(n);
	for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) risk[i] += (X[i * p + j] - means[j]) * effective[j];
	return {
		names: [...names],
		coefficients,
		standardErrors,
		hazardRatios: coefficients.map(Math.exp),
		lower: coefficients.map((b, j) => Math.exp(b - z975 * standardErrors[j])),
		upper: coefficients.map((b, j) => Math.exp(b + z975 * standardErrors[j])),
		z,
		p: z.map(twoSidedNormalP),
		logLikelihood: current.logLikelihood,
		nullLogLikelihood,
		concordance: concordanceIndex(duration, event, risk),
		iterations,
		converged,
		ties,
		means: Array.from(means),
		baseline: baselineHazard(sets, effective, ties)
	};
}

/** The cumulative hazard at the means, ascending times (R's `survfit.coxph`, ctype 2 for Efron, 1 for Breslow). */
function baselineHazard(sets: RiskSets, beta: Float64Array, ties: CoxTies): CoxModel['baseline'] {
	const { p, x, status, time, blocks } = sets;
	const increments: number[] = [];
	const times: number[] = [];
	let s0 = 0;
	for (let b = 0; b + 1 < blocks.length; b++) {
		let deaths = 0;
		let dr = 0;
		for (let k = blocks[b]; k < blocks[b + 1]; k++) {
			let eta = 0;
			for (let j = 0; j < p; j++) eta += x[k * p + j] * beta[j];
			const r = Math.exp(eta);
			s0 += r;
			if (status[k]) (deaths++, (dr += r));
		}
		let hazard = 0;
		if (ties === 'efron') for (let m = 0; m < deaths; m++) hazard += 1 / (s0 - (m / deaths) * dr);
		else hazard = deaths / s0;
		increments.push(hazard);
		times.push(time[blocks[b]]);
	}
	const cumulativeHazard: number[] = new Array(times.length);
	let total = 0;
	for (let k = times.length - 1; k >= 0; k--) cumulativeHazard[times.length - 1 - k] = total += increments[k];
	return { time: times.reverse(), cumulativeHazard };
}

/** The centred linear predictor (x − means)·β of one customer's encoded covariates. */
export function coxLinearPredictor(model: CoxModel, row: ArrayLike<number>): number {
	if (row.length !== model.names.length) throw new Error(`invalid row: ${row.length} values for ${model.names.length} covariates`);
	let eta = 0;
	for (let j = 0; j < row.length; j++) if (!Number.isNaN(model.coefficients[j])) eta += (row[j] - model.means[j]) * model.coefficients[j];
	return eta;
}

/** One customer's predicted retention curve, S0(t)^exp(lp) (R's `survfit(fit, newdata)`). */
export function predictSurvivalCurve(model: CoxModel, row: ArrayLike<number>): { time: number[]; survival: number[] } {
	const relative = Math.exp(coxLinearPredictor(model, row));
	return { time: [...model.baseline.time], survival: model.baseline.cumulativeHazard.map((h) => Math.exp(-h * relative)) };
}
