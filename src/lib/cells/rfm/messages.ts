/**
 * Texts of the RFM cell.
 */
import { formatCount, messages } from '$lib/i18n';

export const M = messages({
	/** The cell kind's name in cell headers and lists. */
	label: 'RFM',
	add: 'RFM',
	source: 'Transactions',
	customer: 'Customer id',
	date: 'Date',
	amount: 'Amount',
	asOf: 'As of',
	compute: 'Compute RFM',
	summary: (n: number, asOf: string, table: string) => `${n.toLocaleString('en-US')} customers scored as of ${asOf}, in table ${table}.`,
	segments: 'RFM segments',
	rules: 'Segment rules (first match wins)',
	segment: 'Segment',
	customers: 'Customers',
	recency: 'Mean recency (days)',
	frequency: 'Mean purchases',
	monetary: 'Mean spent',
	order: '#',
	rule: 'Rule',
	cluster: 'Alternative: k-means on log R, F, M',
	clustering: 'Clustering…',
	clusters: 'k-means segments on log-scaled RFM',
	clustersStale: 'The transactions or the RFM settings changed since this k-means result: cluster again to update it.',
	description: 'What sets it apart'
}, {
	fr: {
		label: 'RFM',
		add: 'RFM',
		source: 'Transactions',
		customer: 'Identifiant client',
		date: 'Date',
		amount: 'Montant',
		asOf: 'Date de référence',
		compute: 'Calculer le RFM',
		summary: (n, asOf, table) =>
			`${formatCount(n)} ${n >= 2 ? 'clients scorés' : 'client scoré'} à la date du ${asOf}, dans la table ${table}.`,
		segments: 'Segments RFM',
		rules: 'Règles des segments (la première qui s’applique l’emporte)',
		segment: 'Segment',
		customers: 'Clients',
		recency: 'Récence moyenne (jours)',
		frequency: 'Nombre moyen d’achats',
		monetary: 'Dépense moyenne',
		order: 'N°',
		rule: 'Règle',
		cluster: 'Autre approche : k-means sur log R, F, M',
		clustering: 'Regroupement…',
		clusters: 'Segments k-means sur le RFM en échelle log',
		clustersStale: 'Les transactions ou les réglages RFM ont changé depuis ce résultat k-means : relancez le regroupement pour le mettre à jour.',
		description: 'Ce qui le distingue'
	}
});
