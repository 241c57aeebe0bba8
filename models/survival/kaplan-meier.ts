/**
 * Kaplan–Meier retention curves as R's `survfit(Surv(t, e) ~ 1)` reports
 * them: one step per distinct time (censor-only times included), Greenwood
 * variance, and R's default confidence band (`conf.type = "log"`: symmetric
 * on log S, upper end capped at 1).
 */
import { normalQuantile } from './distributions';
import { checkSurvivalData, orderByDuration } from './sorted-times';

export interface SurvivalCurve {
	/** Distinct event or censoring times, ascending. */
	time: number[];
	atRisk: number[];
	events: number[];
	censored: number[];
	/** S(t) just after each time. */
	survival: number[];
	/**
	 * Greenwood standard error of S(t) itself, as `summary(survfit)` prints it
	 * (`survfit`'s own `std.err` is that of log S: this divided by S). NaN once S reaches 0.
	 */
	standardError: number[];
	/** The confidence band (95 % by default), R's log type; NaN once S reaches 0, as R's NA. */
	lower: number[];
	upper: number[];
}

export interface SurvivalPoint {
	survival: number;
	lower: number;
	upper: number;
}

export function kaplanMeier(duration: ArrayLike<number>, event: ArrayLike<number>, opts: { confidence?: number } = {}): SurvivalCurve {
	checkSurvivalData(duration, event);
	const confidence = opts.confidence ?? 0.95;
	if (!(confidence > 0 && confidence < 1)) throw new Error(`invalid confidence: ${confidence}`);
	const z = normalQuantile((1 + confidence) / 2);
	const order = orderByDuration(duration);
	const curve: SurvivalCurve = { time: [], atRisk: [], events: [], censored: [], survival: [], standardError: [], lower: [], upper: [] };
	let atRisk = order.length;
	let survival = 1;
	let greenwood = 0; // Σ d / (n (n − d)): the variance of log S
	for (let i = 0; i < order.length; ) {
		const t = duration[order[i]];
		let events = 0;
		let leaving = 0;
		for (; i < order.length && duration[order[i]] === t; i++, leaving++) events += event[order[i]];
		survival *= 1 - events / atRisk;
		greenwood += events === 0 ? 0 : events < atRisk ? events / (atRisk * (atRisk - events)) : Infinity;
		const seLog = Math.sqrt(greenwood);
		const ended = survival === 0;
		curve.time.push(t);
		curve.atRisk.push(atRisk);
		curve.events.push(events);
		curve.censored.push(leaving - events);
		curve.survival.push(survival);
		curve.standardError.push(ended ? NaN : survival * seLog);
		curve.lower.push(ended ? NaN : survival * Math.exp(-z * seLog));
		curve.upper.push(ended ? NaN : Math.min(1, survival * Math.exp(z * seLog)));
		atRisk -= leaving;
	}
	return curve;
}

/** The median retention time as `print(survfit)` gives it; null when the curve never falls to one half. */
export function medianSurvival(curve: SurvivalCurve): number | null {
	// R's quantile.survfit: a curve that sits exactly at 0.5 over an interval takes its midpoint.
	const tolerance = Math.sqrt(2.220446049250313e-16);
	const i = curve.survival.findIndex((s) => s <= 0.5 + tolerance);
	if (i < 0) return null;
	if (Math.abs(curve.survival[i] - 0.5) >= tolerance) return curve.time[i];
	const j = curve.survival.findIndex((s, k) => k > i && s < 0.5 - tolerance);
	return j < 0 ? curve.time[i] : (curve.time[i] + curve.time[j]) / 2;
}

/**
 * The curve read at `t` as `summary(fit, times = t)` does: the step at or
 * before `t` (1 before the first time; the last step beyond the last time,
 * as `extend = TRUE` would give).
 */
export function survivalAt(curve: SurvivalCurve, t: number): SurvivalPoint {
	const lo = stepsUpTo(curve.time, t);
	if (lo === 0) return { survival: 1, lower: 1, upper: 1 };
	return { survival: curve.survival[lo - 1], lower: curve.lower[lo - 1], upper: curve.upper[lo - 1] };
}

/** How many of the ascending step `times` are at or before `t` (the step in force at `t` is the one before that index). */
export function stepsUpTo(times: readonly number[], t: number): number {
	let lo = 0;
	let hi = times.length; // first index with time > t
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (times[mid] <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
