import { isString, type CellDefinition } from '../types';

/** A profile cell: types, missing values, distributions and correlations of one table. */
export interface ProfileParams {
	table: string;
}

export const profileCell: CellDefinition<ProfileParams> = {
	type: 'profile',
	label: 'Profile',
	defaults: () => ({ table: '' }),
	check: (p) => (isString(p.table) ? null : 'its table name is missing'),
	reads: (p) => (p.table ? [p.table] : []),
	writes: () => [],
	startFrom: (table) => ({ table })
};
