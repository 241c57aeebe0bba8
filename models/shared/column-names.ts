/**
 * What a column's name suggests about its role (outcome to predict, customer
 * identifier), in English and French. Names are split into words first
 * (`customerID` → customer id, `Code client` → code client, `résilié` →
 * resilie) so that short words such as `y`, `id` or `left` match only as whole
 * words, never inside `loyalty`, `paid` or `leftover`.
 */

/** Lower-case words of a column name, accents removed, camelCase and separators split. */
export function nameWords(name: string): string[] {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}

/** Words that name the outcome itself: churn, cancellation, leaving. */
const STRONG_TARGET = new Set([
	'churn', 'churned', 'churner', 'attrition', 'exited', 'cancelled', 'canceled', 'target', 'label',
	'resilie', 'resiliation', 'desabonne', 'desabonnement', 'parti', 'depart', 'perdu'
]);
/** Words that often, not always, name the outcome. */
const WEAK_TARGET = new Set(['left', 'status', 'statut', 'outcome', 'y', 'class', 'classe', 'cible']);
/** Word stems that name churn however they are inflected (churn_flag, is_churning, résiliation). */
const TARGET_STEM = /^(churn|attrit|resili|desabonn)/;

/**
 * How strongly `name` looks like an outcome to predict: 2 (churn, résilié,
 * exited…), 1 (status, label-like words), 0 (no sign).
 */
export function targetNameRank(name: string): 0 | 1 | 2 {
	const words = nameWords(name);
	if (words.some((w) => STRONG_TARGET.has(w) || TARGET_STEM.test(w))) return 2;
	if (words.some((w) => WEAK_TARGET.has(w))) return 1;
	return 0;
}

/** Words that name an identifier on their own (`id`, `uuid`) or after a party word (`customer number`). */
const ID_WORD = new Set(['id', 'ids', 'uuid', 'guid', 'key', 'identifier', 'identifiant', 'ident']);
const ID_AFTER_PARTY = new Set(['n', 'no', 'num', 'number', 'nr', 'numero', 'code', 'ref', 'reference']);
/** Words for the customer itself: alone they name the identifier column (`client`), never a feature. */
const CUSTOMER = new Set(['customer', 'client', 'user', 'member', 'subscriber', 'abonne', 'adherent']);
/** Words for what the customer holds: an identifier only with a number word (`contract number`), as `contract` alone is its type. */
const PARTY = new Set([...CUSTOMER, 'account', 'contract', 'compte', 'contrat']);

/**
 * Whether `name` reads like an identifier: `id`, `customer_id`, `customerID`,
 * `Code client`, `N° client`, `client`, `account number`, `uuid`; not `contract` (a type).
 */
export function idLikeName(name: string): boolean {
	const words = nameWords(name);
	if (words.some((w) => ID_WORD.has(w))) return true;
	if (words.length === 1 && CUSTOMER.has(words[0])) return true;
	return words.some((w) => PARTY.has(w)) && words.some((w) => ID_AFTER_PARTY.has(w));
}
