/**
 * Which column names a customer (customerID, customer_id, client, code client…):
 * guessed from a customer table, editable in the cells that use it, and used
 * wherever a cell names a customer instead of a row number (churn alerts and
 * explanations, recommendations and offers).
 */
import type { ColumnInfo } from '$lib/clients/data';
import { T } from '$lib/ui/messages';

/** Words that mark an identifier in a column name, in English and French. */
const ID_WORDS = new Set(['id', 'ids', 'identifier', 'identifiant', 'uuid', 'guid', 'key', 'code', 'ref', 'reference', 'référence', 'number', 'num', 'no', 'nr', 'numero', 'numéro']);
/** Words that say whose identifier it is; alone ("client") they name the customer too. */
const WHO_WORDS = new Set(['customer', 'customers', 'client', 'clients', 'cust', 'account', 'subscriber', 'member', 'user', 'contact', 'abonne', 'abonné']);
/** Identifier-like types: text or whole numbers (a unique float is a measurement, not an id). */
const ID_TYPE = /^(VARCHAR|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)/i;

/** The words of a column name: `customerID` → customer, id; `code client` → code, client. */
function words(name: string): string[] {
	return name
		.replace(/([a-z\u00e0-\u00ff])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9\u00e0-\u00ff]+/)
		.filter(Boolean);
}

/** How much a name looks like a customer identifier: 3 customer id, 2 a plain id, 1 customer/client alone, 0 not. */
export function idNameScore(name: string): number {
	const w = words(name);
	const id = w.some((x) => ID_WORDS.has(x));
	const who = w.some((x) => WHO_WORDS.has(x));
	return id && who ? 3 : id ? 2 : who && w.length === 1 ? 1 : 0;
}

/**
 * The column that most likely names each customer: named like an identifier,
 * of text or integer type, and unique on every row (asked through `isUnique`,
 * best-named first), else '' (customers are then named by row number).
 */
export async function guessIdColumn(columns: ColumnInfo[], isUnique: (column: string) => Promise<boolean>): Promise<string> {
	const named = columns
		.filter((c) => ID_TYPE.test(c.type) && idNameScore(c.name) > 0)
		.sort((a, b) => idNameScore(b.name) - idNameScore(a.name));
	for (const c of named) if (await isUnique(c.name)) return c.name;
	return '';
}

/** How the cell names the customer of `row`: "customer 7590-VHVEG" by id when it has one, else by row number. */
export function customerName(id: unknown, row: number, { capital = false } = {}): string {
	const text = id === null || id === undefined ? '' : String(id).trim();
	if (!text) return capital ? T.customerLabel(row) : T.customerRow(row);
	return capital ? T.customerNamedLabel(text) : T.customerNamed(text);
}
