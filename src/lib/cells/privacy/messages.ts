/**
 * Texts of the pseudonymisation cell.
 */
import { messages } from '$lib/i18n';
import { formatCount } from '$lib/charts';

export const M = messages(
	{
		/** The cell kind's name in cell headers and lists. */
		label: 'Pseudonymise',
		add: 'Pseudonymise',
		source: 'Table',
		column: 'Column',
		personal: 'Personal data seen',
		action: 'Action',
		quasi: 'k-anonymity',
		actions: { keep: 'keep', token: 'keyed token', mask: 'mask', generalise: 'generalise', drop: 'drop' },
		minimise: 'Minimise for modelling',
		minimiseHint: 'Drops contact details and names, turns the customer id into a keyed token, generalises birth dates, ages and postcodes.',
		run: 'Write the table',
		profiling: 'Looking for personal data…',
		written: (table: string, rows: number, kept: number, dropped: number) => `Wrote ${table}: ${formatCount(rows)} rows, ${kept} columns (${dropped} dropped).`,
		secretNote: 'Tokens are HMAC-SHA-256 with a key kept in this notebook: the same customer gets the same token in every table, and nobody without the key can recover the value.',
		kAnonymity: (k: number, unique: number, groups: number, columns: string[]) =>
			`k-anonymity on ${columns.join(', ')}: the smallest group has ${formatCount(k)} ${k === 1 ? 'row' : 'rows'}; ${formatCount(unique)} ${unique === 1 ? 'row is' : 'rows are'} unique among ${formatCount(groups)} groups.`,
		noQuasi: 'Tick the columns an outsider could know (age, postcode…) to check k-anonymity.',
		none: '—'
	},
	{
		fr: {
			label: 'Pseudonymiser',
			add: 'Pseudonymiser',
			source: 'Table',
			column: 'Colonne',
			personal: 'Données personnelles vues',
			action: 'Action',
			quasi: 'k-anonymat',
			actions: { keep: 'garder', token: 'jeton à clé', mask: 'masquer', generalise: 'généraliser', drop: 'retirer' },
			minimise: 'Minimiser pour la modélisation',
			minimiseHint: 'Retire les coordonnées et les noms, remplace l’identifiant client par un jeton à clé, généralise dates de naissance, âges et codes postaux.',
			run: 'Écrire la table',
			profiling: 'Recherche de données personnelles…',
			written: (table, rows, kept, dropped) => `Table ${table} écrite : ${formatCount(rows)} lignes, ${kept} colonnes (${dropped} retirées).`,
			secretNote: 'Les jetons sont des HMAC-SHA-256 avec une clé gardée dans ce notebook : un même client a le même jeton dans toutes les tables, et personne sans la clé ne retrouve la valeur.',
			kAnonymity: (k, unique, groups, columns) =>
				`k-anonymat sur ${columns.join(', ')} : le plus petit groupe compte ${formatCount(k)} ${k === 1 ? 'ligne' : 'lignes'} ; ${formatCount(unique)} ${unique === 1 ? 'ligne est unique' : 'lignes sont uniques'} parmi ${formatCount(groups)} groupes.`,
			noQuasi: 'Cochez les colonnes qu’un tiers pourrait connaître (âge, code postal…) pour vérifier le k-anonymat.',
			none: '—'
		}
	}
);
