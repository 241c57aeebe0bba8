import { param } from '$lib/notebook';
import { M } from './messages';
import { defineCell } from '../types';

/** A profile cell: types, missing values, distributions and correlations of one table. */
export interface ProfileParams {
	table: string;
}

export const profileCell = defineCell<ProfileParams>({
	type: 'profile',
	label: () => M.label,
	add: { text: () => M.add, order: 3 },
	params: { table: param.text('', { name: 'table name' }) },
	reads: (p) => (p.table ? [p.table] : []),
	writes: () => [],
	start: ({ source }) => (source ? { table: source } : {})
});
