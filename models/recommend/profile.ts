/**
 * The customer's profile for the propensity models: every column of a wide
 * table but the items and the id (or the user's list), minus identifiers and
 * constant columns; categories keep their 50 most frequent levels.
 */
import { buildFeatures, type FeatureInfo } from '../shared/features';
import { idLikeName } from '../shared/column-names';
import { textAt, type RawColumn } from '../shared/columns';
import type { Features } from '../types';

const MAX_LEVELS = 50;

/** Which profile columns to use, with their kinds and levels. */
export function planProfile(raw: RawColumn[], exclude: string[], chosen: string[] | null = null): FeatureInfo[] {
	const features: FeatureInfo[] = [];
	for (const column of raw) {
		if (exclude.includes(column.name) || (chosen && !chosen.includes(column.name))) continue;
		if (!chosen && idLikeName(column.name)) continue;
		const counts = new Map<string, number>();
		for (let r = 0; r < column.values.length; r++) {
			const v = textAt(column, r);
			if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
		}
		if (counts.size <= 1) continue;
		if (column.type === 'numeric') features.push({ name: column.name, kind: 'numeric' });
		else if (counts.size < column.values.length) {
			const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_LEVELS).map(([l]) => l);
			features.push({ name: column.name, kind: 'categorical', levels });
		}
	}
	return features;
}

/** The profile features of every row, or null when no column qualifies. */
export function profileFeatures(raw: RawColumn[], exclude: string[], chosen: string[] | null = null): Features | null {
	const plan = planProfile(raw, exclude, chosen);
	return plan.length ? buildFeatures(raw, plan) : null;
}
