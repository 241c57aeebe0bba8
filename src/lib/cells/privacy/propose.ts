/**
 * "Minimise for modelling": the actions the profile's flags suggest. A model
 * needs neither contact details nor names: they go; the customer id becomes a
 * keyed token (joins still work); birth dates, ages and postcodes are
 * generalised; free text with personal data goes.
 */
import type { ColumnProfile } from '$lib/clients/data';
import type { PrivacyActionParam } from './index';

const DROP = new Set(['email', 'phone', 'person_name', 'address', 'national_id', 'iban', 'card_number', 'ip_address', 'free_text_with_pii']);
const GENERALISE = new Set(['birth_date', 'postcode']);
/** Columns generalised by name even when nothing personal was seen in them (an age is a quasi-identifier). */
const AGE = /^(age|âge|age_client|customer_age)$/i;

export function proposeActions(columns: Pick<ColumnProfile, 'name' | 'flags' | 'personal'>[], idColumn: string): Record<string, PrivacyActionParam> {
	const actions: Record<string, PrivacyActionParam> = {};
	for (const c of columns) {
		const kind = c.personal?.kind;
		if (c.name === idColumn) actions[c.name] = 'token';
		else if (kind && DROP.has(kind)) actions[c.name] = 'drop';
		else if ((kind && GENERALISE.has(kind)) || AGE.test(c.name)) actions[c.name] = 'generalise';
	}
	return actions;
}

/** The quasi-identifiers to check: what is generalised (ages, postcodes, birth dates). */
export function proposeQuasiIdentifiers(actions: Record<string, string>): string[] {
	return Object.entries(actions)
		.filter(([, a]) => a === 'generalise')
		.map(([column]) => column);
}
