/**
 * Guesses of the recommendation cell's columns from a customer table: the
 * item columns of a wide table (Yes/No-like service flags such as the telco
 * services), or the item and quantity columns of a long one (one row per
 * customer and item).
 */
import { isOwnedValue } from '$models/recommend/light';

/** A column as the guesses see it: its name, type and its most frequent values (at most a few). */
export interface ColumnSample {
	name: string;
	type: string;
	/** Distinct values as text, most frequent first (a short list: `more` says whether others exist). */
	values: string[];
	/** True when the column has more distinct values than `values` lists. */
	more: boolean;
}

/** Most distinct values an item flag has ("DSL", "Fiber optic", "No"; "Yes", "No", "No internet service"). */
const MAX_FLAG_VALUES = 4;
/** Names that describe the customer or the outcome, not something they subscribe to. */
const NOT_ITEM = /churn|attrition|exited|target|label|gender|female|male|sex|senior|partner|married|spouse|dependent|paperless|billing|contract|payment|status|split|segment|predict|risk/i;
/** Names of things a customer takes: services, options, products. */
const ITEM_WORDS = /service|line|security|backup|protection|support|stream|tv|movie|phone|internet|plan|product|option|insurance|card|subscription|offer|package|addon|add_on|premium|wifi|cloud|device|abonnement|option/i;
/** A "not owned" spelling that names the service the item depends on ("No internet service"). */
const NO_SERVICE = /^no .+ service$/i;

/**
 * Item columns of a wide table: at most four values, at least one meaning
 * "not owned" and one meaning owned, named like a service (or spelled like
 * one's absence, "No internet service"), and not a customer trait or the target.
 */
export function guessItemColumns(columns: ColumnSample[]): string[] {
	return columns
		.filter((c) => !c.more && c.values.length >= 2 && c.values.length <= MAX_FLAG_VALUES)
		.filter((c) => !NOT_ITEM.test(c.name))
		.filter((c) => c.values.some((v) => !isOwnedValue(v)) && c.values.some((v) => isOwnedValue(v)))
		.filter((c) => ITEM_WORDS.test(c.name) || c.values.some((v) => NO_SERVICE.test(v.trim())))
		.map((c) => c.name);
}

/** Names of the item and quantity columns of a long table. */
const ITEM_NAME = /item|product|produit|service|sku|article|offer|offre|category|catégorie|categorie|plan|title|name/i;
const QUANTITY_NAME = /qty|quantity|quantité|quantite|units|count|amount|montant|volume/i;
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DOUBLE|FLOAT|REAL|DECIMAL)/i;

/**
 * The item (and quantity) columns of a long table: the first text column
 * named like an item that is not the customer id, and a numeric column named
 * like a quantity ('' when none).
 */
export function guessLongColumns(columns: ColumnSample[], idColumn: string): { itemColumn: string; quantityColumn: string } {
	const others = columns.filter((c) => c.name !== idColumn);
	const item = others.find((c) => !NUMERIC.test(c.type) && ITEM_NAME.test(c.name)) ?? others.find((c) => !NUMERIC.test(c.type));
	const quantity = others.find((c) => NUMERIC.test(c.type) && QUANTITY_NAME.test(c.name));
	return { itemColumn: item?.name ?? '', quantityColumn: quantity?.name ?? '' };
}

/** The layout a table most likely has: wide when it has at least two item columns. */
export function guessLayout(columns: ColumnSample[]): 'wide' | 'long' {
	return guessItemColumns(columns).length >= 2 ? 'wide' : 'long';
}

/** How an item is named in sentences: `tech_support` and `TechSupport` → "Tech support". */
export function itemLabel(name: string): string {
	const words = name
		.replace(/([a-z\u00e0-\u00ff])([A-Z])/g, '$1 $2')
		.replace(/[_\s-]+/g, ' ')
		.trim()
		.toLowerCase();
	return words ? words[0].toUpperCase() + words.slice(1) : name;
}
