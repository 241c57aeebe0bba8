/**
 * Texts of the profile cell: the column table, flags, correlations.
 */
import type { ColumnFlag, PersonalDataKind } from '$lib/clients/data';
import { formatCount, formatPercent, messages } from '$lib/i18n';

const PERSONAL_EN: Record<PersonalDataKind, string> = {
	email: 'e-mail',
	phone: 'phone',
	person_name: 'name',
	address: 'address',
	postcode: 'postcode',
	birth_date: 'date of birth',
	national_id: 'national id',
	iban: 'IBAN',
	card_number: 'card number',
	ip_address: 'IP address',
	free_text_with_pii: 'text with personal data'
};
const PERSONAL_FR: Record<PersonalDataKind, string> = {
	email: 'courriel',
	phone: 'téléphone',
	person_name: 'nom',
	address: 'adresse',
	postcode: 'code postal',
	birth_date: 'date de naissance',
	national_id: 'identifiant national',
	iban: 'IBAN',
	card_number: 'numéro de carte',
	ip_address: 'adresse IP',
	free_text_with_pii: 'texte avec données personnelles'
};

export const M = messages({
	add: 'Profile',
	profiledIn: (time: string) => `profiled in ${time}`,
	profiling: 'Profiling',
	summary: (rows: number, columns: number) => `${formatCount(rows)} rows · ${formatCount(columns)} columns`,
	duplicates: (n: number) => (n === 1 ? '1 duplicated row' : `${formatCount(n)} duplicated rows`),
	noDuplicates: 'no duplicated rows',
	caption: (table: string) => `Columns of ${table}`,
	column: 'Column',
	type: 'Type',
	missing: 'Missing',
	distinct: 'Distinct',
	summaryHead: 'Summary',
	distribution: 'Distribution',
	flagsHead: 'Flags',
	min: 'min',
	q1: 'q1',
	median: 'median',
	q3: 'q3',
	max: 'max',
	mean: 'mean',
	std: 'std',
	distributionOf: (name: string) => `Distribution of ${name}`,
	none: '–',
	correlations: 'Correlations between numeric columns',
	correlationsNote: 'Pearson r: blue moves together, red moves apart; grey pairs have no correlation (a constant column).',
	heatmapLabel: (n: number) => `Correlation heatmap of ${n} numeric columns`,
	outliers: (n: number) => (n === 1 ? '1 outlier' : `${formatCount(n)} outliers`),
	outliersHint: 'Values more than 1.5 × IQR beyond the quartiles (not counted on columns with a few repeated values such as 0/1).',
	flags: {
		constant: 'constant',
		'id-like': 'ID-like',
		'mostly-missing': '> 50 % missing',
		'all-missing': 'all missing',
		'target-like': 'looks like a target'
	} satisfies Record<ColumnFlag, string>,
	flagHints: {
		constant: 'Every row has the same value, so it cannot explain differences between customers.',
		'id-like': 'Almost every value is different, like an identifier: leave it out of models.',
		'mostly-missing': 'More than half of the values are missing.',
		'all-missing': 'Every value is missing.',
		'target-like': 'Few values and a name like churn, exited or status: a likely outcome to predict.'
	} satisfies Record<ColumnFlag, string>,
	personalKinds: PERSONAL_EN,
	personal: (kind: PersonalDataKind, confidence: number) => `personal: ${PERSONAL_EN[kind]} (${formatPercent(confidence * 100)})`,
	personalHint: (reason: string, examples: string[]) => `${reason}${examples.length ? ` Examples (masked): ${examples.join(' · ')}` : ''}`,
	personalSummary: (columns: string[]) => `Personal data in ${columns.length === 1 ? '1 column' : `${formatCount(columns.length)} columns`}: ${columns.join(', ')}. Pseudonymise or drop them before sharing a result.`,
	noPersonal: 'no personal data seen'
}, {
	fr: {
		personalKinds: PERSONAL_FR,
		personal: (kind, confidence) => `personnelle : ${PERSONAL_FR[kind]} (${formatPercent(confidence * 100)})`,
		personalHint: (reason, examples) => `${reason}${examples.length ? ` Exemples (masqués) : ${examples.join(' · ')}` : ''}`,
		personalSummary: (columns) => `Données personnelles dans ${columns.length === 1 ? '1 colonne' : `${formatCount(columns.length)} colonnes`} : ${columns.join(', ')}. Pseudonymisez-les ou retirez-les avant de partager un résultat.`,
		noPersonal: 'aucune donnée personnelle vue'
	}
});
