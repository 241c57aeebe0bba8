/**
 * Texts of the recommendation cell: its setup, the evaluation, the next-best
 * offers and their reasons.
 */
import { messages } from '$lib/i18n';

const pct = (p: number) => `${Math.round(p * 100)} %`;
const count = (n: number) => n.toLocaleString('en-US');
const risk = (p: number) => p.toFixed(2);

export const M = messages({
	add: 'Recommendations',
	table: 'Customer table',
	layout: 'Layout',
	layouts: { wide: 'Items as columns (Yes/No per service)', long: 'One row per customer and item' },
	items: (chosen: number) => `Item columns (${chosen} chosen)`,
	useItem: (column: string) => `Recommend ${column}`,
	idColumn: 'Customer id',
	rowNumbers: 'none (row numbers)',
	itemColumn: 'Item column',
	quantityColumn: 'Quantity column',
	noQuantity: 'none',
	k: 'k (hit rate@k, NDCG@k)',
	topN: 'Recommendations per customer',
	models: 'Models',
	useModel: (label: string) => `Use ${label}`,
	weights: 'Hybrid weights',
	tuned: 'Tuned on validation customers',
	setByHand: 'Set by hand',
	weightOf: (label: string) => `Weight of ${label}`,
	formula: (formula: string, tuned: boolean) => `Hybrid score = ${formula}${tuned ? ' (weights tuned on the validation customers)' : ' (weights set by hand)'}`,
	recommend: 'Recommend',
	cancel: 'Cancel recommendations',
	starting: 'Reading the customers',
	cancelled: 'Recommendations cancelled: the last result stays as it was.',
	unchanged: 'Nothing changed since the last run: the kept recommendations are shown.',
	stale: 'The table or the settings changed since these recommendations were made: "Recommend" makes them again.',
	pickItems: 'Choose at least two item columns (or the long layout with its item column).',
	evaluationTitle: (k: number, users: number) =>
		`Evaluation: one owned item hidden per customer with two or more; ${count(users)} test customers; the hidden item ranked among the items they do not own (top ${k})`,
	evaluationLabel: 'Recommendation models',
	model: 'Model',
	hitRate: (k: number) => `Hit rate@${k}`,
	ndcg: (k: number) => `NDCG@${k}`,
	coverage: 'Coverage',
	vsPopularity: 'vs popularity',
	fitTime: 'Fit time',
	chartLabel: (k: number) => `Hit rate@${k} and NDCG@${k} per model`,
	similarity: (s: string) => `Item similarity chosen on validation: ${s}.`,
	written: (table: string, rows: number) => `${count(rows)} recommendations in table ${table} (customer, rank, item, score, p_accept, and the next-best-offer columns) for SQL and other cells.`,
	customersTitle: 'Recommendations of the first customers',
	customerRecommendations: 'Recommendations per customer',
	customer: 'Customer',
	offersTitle: 'Next-best offers for customers at risk',
	churnModel: 'Churn model',
	noChurnModel: 'Train a churn model in this notebook (a churn cell) to rank offers by how much they lower each customer\u2019s risk.',
	churnModelNotKept: 'The churn model of this notebook is not kept in this browser any more: train it again.',
	riskAt: 'At risk from',
	riskAtChurnCell: (t: number) => `the churn cell's threshold (${risk(t)})`,
	valuePerRetained: 'Value of a retained customer (0 = rank by risk lowered)',
	costPerOffer: 'Cost of an offer',
	findingOffers: 'Re-scoring the customers at risk with each offer',
	offersSummary: (customers: number, offers: number, time: string) =>
		`${count(customers)} customers at risk; ${count(offers)} of them get an offer that lowers their risk (found in ${time}).`,
	offersLabel: 'Next-best offers',
	offer: 'Offer',
	reason: 'Why',
	benefit: 'Expected benefit',
	noOffers: 'No customer above the threshold has an offer that lowers their risk.',
	reasonLowers: (item: string, from: number, to: number, accept: number) =>
		`${item} lowers this customer's risk from ${risk(from)} to ${risk(to)}; customers like them take it ${pct(accept)} of the time.`,
	reasonAcceptOnly: (item: string, accept: number) =>
		`Customers like them take ${item.toLowerCase()} ${pct(accept)} of the time; the churn model has no column for it, so offers are ranked by how likely they are taken, not by the risk they lower.`,
	rankedByAcceptance:
		'The churn model has no column for these items (items in rows of another table): offers are ranked by how likely each customer takes them, not by how much they lower the risk.',
	benefitFormula: (valued: boolean) =>
		valued
			? 'Expected benefit = P(accept) × (risk now − risk with the item) × value of a retained customer − cost of an offer.'
			: 'Expected benefit = P(accept) × (risk now − risk with the item), in probability points of churn avoided per offer.',
	implausible: (n: number) => `${count(n)} offers left out: no customer has that combination (an internet add-on without internet).`
});
