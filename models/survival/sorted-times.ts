/**
 * Checks the durations and events every survival model takes, and orders the
 * customers by duration once: the curves, the log-rank test and the Cox fit
 * all walk the distinct times in order.
 */
import { inputError } from '../shared/input-error';

export function checkSurvivalData(duration: ArrayLike<number>, event: ArrayLike<number>): void {
	if (duration.length !== event.length) throw inputError(`The durations (${duration.length}) and the churn flags (${event.length}) have different lengths.`);
	if (duration.length === 0) throw inputError('There are no customers with a duration and a churn flag.');
	for (let i = 0; i < duration.length; i++) {
		const t = duration[i];
		if (!(Number.isFinite(t) && t >= 0)) throw inputError(`invalid duration: ${t} (row ${i + 1}); durations are times since the start, 0 or more.`);
		if (event[i] !== 0 && event[i] !== 1) throw inputError(`invalid churn flag: ${event[i]} (row ${i + 1}); use 1 for churned, 0 for still a customer.`);
	}
}

/** Row indices by ascending duration (stable, so ties keep their row order). */
export function orderByDuration(duration: ArrayLike<number>): Int32Array {
	const order = Int32Array.from({ length: duration.length }, (_, i) => i);
	return order.sort((a, b) => duration[a] - duration[b] || a - b);
}
