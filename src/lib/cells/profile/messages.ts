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
	/** The cell kind's name in cell headers and lists. */
	label: 'Profile',
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
		label: 'Profil',
		add: 'Profil',
		profiledIn: (time) => `profil établi en ${time}`,
		profiling: 'Profilage',
		summary: (rows, columns) => `${formatCount(rows)} lignes · ${formatCount(columns)} colonnes`,
		duplicates: (n) => (n === 1 ? '1 ligne en double' : `${formatCount(n)} lignes en double`),
		noDuplicates: 'aucune ligne en double',
		caption: (table) => `Colonnes de ${table}`,
		column: 'Colonne',
		type: 'Type',
		missing: 'Manquantes',
		distinct: 'Distinctes',
		summaryHead: 'Résumé',
		distribution: 'Distribution',
		flagsHead: 'Signalements',
		min: 'min',
		q1: 'q1',
		median: 'médiane',
		q3: 'q3',
		max: 'max',
		mean: 'moyenne',
		std: 'écart-type',
		distributionOf: (name) => `Distribution de ${name}`,
		none: '–',
		correlations: 'Corrélations entre colonnes numériques',
		correlationsNote: 'r de Pearson : en bleu, les colonnes varient dans le même sens ; en rouge, en sens opposé ; les paires grises n’ont pas de corrélation (une colonne constante).',
		heatmapLabel: (n) => `Carte de chaleur des corrélations entre ${n} colonnes numériques`,
		outliers: (n) => (n === 1 ? '1 valeur aberrante' : `${formatCount(n)} valeurs aberrantes`),
		outliersHint: 'Valeurs situées à plus de 1,5 × l’écart interquartile au-delà des quartiles (non comptées sur les colonnes à quelques valeurs répétées, comme 0/1).',
		flags: {
			constant: 'constante',
			'id-like': 'type identifiant',
			'mostly-missing': '> 50 % manquantes',
			'all-missing': 'entièrement vide',
			'target-like': 'ressemble à une cible'
		},
		flagHints: {
			constant: 'Toutes les lignes ont la même valeur : elle ne peut donc pas expliquer les différences entre clients.',
			'id-like': 'Presque toutes les valeurs sont différentes, comme pour un identifiant : laissez-la hors des modèles.',
			'mostly-missing': 'Plus de la moitié des valeurs sont manquantes.',
			'all-missing': 'Toutes les valeurs sont manquantes.',
			'target-like': 'Peu de valeurs et un nom comme churn, exited ou status : probablement une variable cible à prédire.'
		},
		personalKinds: PERSONAL_FR,
		personal: (kind, confidence) => `personnelle : ${PERSONAL_FR[kind]} (${formatPercent(confidence * 100)})`,
		personalHint: (reason, examples) => `${reason}${examples.length ? ` Exemples (masqués) : ${examples.join(' · ')}` : ''}`,
		personalSummary: (columns) => `Données personnelles dans ${columns.length === 1 ? '1 colonne' : `${formatCount(columns.length)} colonnes`} : ${columns.join(', ')}. Pseudonymisez-les ou retirez-les avant de partager un résultat.`,
		noPersonal: 'aucune donnée personnelle vue'
	}
});
