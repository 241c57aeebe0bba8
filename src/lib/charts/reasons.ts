/**
 * One customer's reasons in plain words, from their SHAP values in probability
 * units: "contract = Month-to-month: +18 points". Pure and Plot-free, so the
 * views can write reasons before the charts load.
 */
import { M } from './messages';
import type { ExplainData, Reason } from '$models/explain';

const T = M.explain;

/** Feature `f`'s contribution for `row`, in probability units. */
export function contribution(data: ExplainData, row: number, f: number): number {
	return data.values[row * data.features.length + f];
}

/**
 * A customer's value as text, as the data holds it: numbers with at most two
 * decimals ("108.15", "2") or 3 significant digits when small, text as is.
 */
export function valueText(value: number | string | null | undefined): string {
	if (value === null || value === undefined || value === '') return T.missing;
	if (typeof value === 'string') return value;
	if (!Number.isFinite(value)) return String(value);
	const abs = Math.abs(value);
	return String(abs >= 1 || abs === 0 ? Number(value.toFixed(2)) : Number(value.toPrecision(3)));
}

/**
 * Points with their sign, whole points from 10 up and one decimal below
 * (so a small push does not read as "+0"): 18.2 → "+18", 0.44 → "+0.4", −3 → "-3".
 */
export function formatPoints(points: number): string {
	if (!Number.isFinite(points)) return '–';
	const abs = Math.abs(points);
	const rounded = abs >= 10 ? Math.round(abs) : Math.round(abs * 10) / 10;
	if (rounded === 0) return '0';
	return `${points < 0 ? '-' : '+'}${rounded}`;
}

/** Every feature's reason for one customer, in the features' order. */
export function reasonsOf(data: ExplainData, row: number): Reason[] {
	if (!Number.isInteger(row) || row < 0 || row >= data.rows) throw new Error(`invalid row: ${row}`);
	return data.features.map((feature, f) => ({
		feature,
		value: valueText(data.featureValues[f]?.[row]),
		points: contribution(data, row, f) * 100
	}));
}

/**
 * The `k` reasons that push this customer's churn probability up the most,
 * largest first; when fewer than `k` push it up, the ones pulling it down
 * follow, strongest first. Zero contributions are never reasons.
 */
export function topReasons(data: ExplainData, row: number, k = 3): Reason[] {
	const all = reasonsOf(data, row).filter((r) => Number.isFinite(r.points) && r.points !== 0);
	const ups = all.filter((r) => r.points > 0).sort((a, b) => b.points - a.points || a.feature.localeCompare(b.feature));
	const downs = all.filter((r) => r.points < 0).sort((a, b) => a.points - b.points || a.feature.localeCompare(b.feature));
	return [...ups, ...downs].slice(0, Math.max(0, k));
}

/** One reason in words: "contract = Month-to-month: +18 points". */
export function reasonText(reason: Reason): string {
	return T.reason(reason.feature, reason.value, formatPoints(reason.points));
}

/**
 * A customer's top reasons in one line.
 * @example reasonsText(data, 7) // "contract = Month-to-month: +18 points; tenure = 2: +9 points; total_charges = 108.15: +4 points"
 */
export function reasonsText(data: ExplainData, row: number, k = 3): string {
	return topReasons(data, row, k).map(reasonText).join('; ');
}
