import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

/** What becomes of a column (the data worker's `PrivacyAction`). */
export const PRIVACY_ACTIONS = ['keep', 'token', 'mask', 'generalise', 'drop'] as const;
export type PrivacyActionParam = (typeof PRIVACY_ACTIONS)[number];

/**
 * A pseudonymisation cell: a copy of a customer table where each column is kept, replaced by a
 * keyed token, masked, generalised or dropped, with the k-anonymity of chosen columns.
 */
export interface PrivacyParams {
	source: string;
	outName: string;
	/** Key of the tokens (hex), made on the first run and kept in the notebook: same key, same tokens. */
	secret: string;
	/** Action per column (absent = keep). */
	actions: Record<string, string>;
	/** Columns an outsider could know (age, postcode…), for the k-anonymity check. */
	quasiIdentifiers: string[];
}

function actionsProblem(value: unknown): string | null {
	const ok = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((a) => (PRIVACY_ACTIONS as readonly unknown[]).includes(a));
	return ok ? null : `invalid actions: ${JSON.stringify(value)}`;
}

export const privacyCell = defineCell<PrivacyParams>({
	type: 'privacy',
	label: () => M.label,
	add: { text: () => M.add, order: 3.5 },
	params: {
		source: param.text(),
		outName: param.text(),
		secret: param.text('', { secret: true }),
		actions: param.custom<Record<string, string>>(() => ({}), actionsProblem),
		quasiIdentifiers: param.textList()
	},
	processing: 'transformation',
	reads: (p) => (p.source ? [p.source] : []),
	writes: (p) => (p.outName ? [p.outName] : []),
	start: ({ source }) => (source ? { source, outName: `${source}_pseudo` } : {})
});
