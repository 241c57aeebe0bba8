/**
 * Texts of the recommendation cell: its setup, the evaluation, the next-best
 * offers and their reasons.
 */
import { messages } from '$lib/i18n';

const pct = (p: number) => `${Math.round(p * 100)} %`;
const count = (n: number) => n.toLocaleString('en-US');
const risk = (p: number) => p.toFixed(2);
const countFr = (n: number) => n.toLocaleString('fr-FR');
const riskFr = (p: number) => p.toFixed(2).replace('.', ',');

export const M = messages({
	/** The cell kind's name in cell headers and lists. */
	label: 'Recommendations',
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
}, {
	fr: {
		label: 'Recommandations',
		add: 'Recommandations',
		table: 'Table des clients',
		layout: 'Disposition',
		layouts: { wide: 'Articles en colonnes (Oui/Non par service)', long: 'Une ligne par client et article' },
		items: (chosen: number) => `Colonnes d'articles (${chosen} choisies)`,
		useItem: (column: string) => `Recommander ${column}`,
		idColumn: 'Identifiant client',
		rowNumbers: 'aucun (numéros de ligne)',
		itemColumn: "Colonne d'article",
		quantityColumn: 'Colonne de quantité',
		noQuantity: 'aucune',
		k: 'k (taux de réussite@k, NDCG@k)',
		topN: 'Recommandations par client',
		models: 'Modèles',
		useModel: (label: string) => `Utiliser ${label}`,
		weights: "Poids de l'hybride",
		tuned: 'Réglés sur les clients de validation',
		setByHand: 'Fixés à la main',
		weightOf: (label: string) => `Poids de ${label}`,
		formula: (formula: string, tuned: boolean) => `Score hybride = ${formula}${tuned ? ' (poids réglés sur les clients de validation)' : ' (poids fixés à la main)'}`,
		recommend: 'Recommander',
		cancel: 'Annuler les recommandations',
		starting: 'Lecture des clients',
		cancelled: 'Recommandations annulées : le dernier résultat reste tel quel.',
		unchanged: 'Rien n\u2019a changé depuis le dernier calcul : les recommandations conservées sont affichées.',
		stale: 'La table ou les réglages ont changé depuis ces recommandations : « Recommander » les refait.',
		pickItems: "Choisissez au moins deux colonnes d'articles (ou la disposition en lignes avec sa colonne d'article).",
		evaluationTitle: (k: number, users: number) =>
			`Évaluation : un article détenu caché par client qui en a deux ou plus ; ${countFr(users)} clients de test ; l'article caché classé parmi ceux qu'ils n'ont pas (top ${k})`,
		evaluationLabel: 'Modèles de recommandation',
		model: 'Modèle',
		hitRate: (k: number) => `Taux de réussite@${k}`,
		ndcg: (k: number) => `NDCG@${k}`,
		coverage: 'Couverture',
		vsPopularity: 'vs popularité',
		fitTime: "Temps d'apprentissage",
		chartLabel: (k: number) => `Taux de réussite@${k} et NDCG@${k} par modèle`,
		similarity: (s: string) => `Similarité entre articles choisie sur la validation : ${s}.`,
		written: (table: string, rows: number) => `${countFr(rows)} recommandations dans la table ${table} (client, rang, article, score, p_accept et les colonnes de la meilleure offre) pour SQL et les autres cellules.`,
		customer: 'Client',
		offersTitle: 'Meilleures offres pour les clients à risque',
		churnModel: 'Modèle de churn',
		noChurnModel: 'Entraînez un modèle de churn dans ce carnet (une cellule churn) pour classer les offres selon la baisse de risque de chaque client.',
		churnModelNotKept: "Le modèle de churn de ce carnet n'est plus conservé dans ce navigateur : entraînez-le à nouveau.",
		riskAt: 'À risque à partir de',
		riskAtChurnCell: (t: number) => `le seuil de la cellule churn (${riskFr(t)})`,
		valuePerRetained: "Valeur d'un client retenu (0 = classer par baisse de risque)",
		costPerOffer: "Coût d'une offre",
		findingOffers: 'Nouveau calcul du risque des clients à risque avec chaque offre',
		offersSummary: (customers: number, offers: number, time: string) =>
			`${countFr(customers)} clients à risque ; ${countFr(offers)} d'entre eux ont une offre qui baisse leur risque (trouvées en ${time}).`,
		offersLabel: 'Meilleures offres',
		offer: 'Offre',
		reason: 'Pourquoi',
		benefit: 'Bénéfice attendu',
		noOffers: "Aucun client au-dessus du seuil n'a d'offre qui baisse son risque.",
		reasonLowers: (item: string, from: number, to: number, accept: number) =>
			`${item} fait passer le risque de ce client de ${riskFr(from)} à ${riskFr(to)} ; les clients qui lui ressemblent le prennent ${pct(accept)} du temps.`,
		reasonAcceptOnly: (item: string, accept: number) =>
			`Les clients qui lui ressemblent prennent ${item.toLowerCase()} ${pct(accept)} du temps ; le modèle de churn n'a pas de colonne pour cet article, les offres sont donc classées par probabilité d'acceptation, pas par baisse de risque.`,
		rankedByAcceptance:
			"Le modèle de churn n'a pas de colonne pour ces articles (articles en lignes d'une autre table) : les offres sont classées par probabilité d'acceptation, pas par baisse de risque.",
		benefitFormula: (valued: boolean) =>
			valued
				? "Bénéfice attendu = P(acceptation) × (risque actuel − risque avec l'article) × valeur d'un client retenu − coût d'une offre."
				: "Bénéfice attendu = P(acceptation) × (risque actuel − risque avec l'article), en points de probabilité de churn évités par offre.",
		implausible: (n: number) => `${countFr(n)} offres écartées : aucun client n'a cette combinaison (une option internet sans internet).`
	}
});
