/** The kinds of personal data the detector reports, and the flag it puts on a column. */

/** What a column holds that identifies a person, directly or once combined with other columns. */
export type PersonalDataKind =
	| 'email'
	| 'phone'
	| 'person_name'
	| 'address'
	| 'postcode'
	| 'birth_date'
	| 'national_id'
	| 'iban'
	| 'card_number'
	| 'ip_address'
	| 'free_text_with_pii';

/** A column found to hold personal data. */
export interface PersonalDataFlag {
	kind: PersonalDataKind;
	/** 0..1: how sure the detector is (values and header agreeing score highest). */
	confidence: number;
	/** Up to 3 masked values, never a full one: "j***@e***.fr", "06 ** ** ** 12", "FR76 **** … 189". */
	examples: string[];
	/** One English sentence saying what was seen: "94 % of 200 sampled values are e-mail addresses; header 'courriel'". */
	reason: string;
}

/** One column as the detector reads it: name, DuckDB type and a sample of its distinct non-missing values as text. */
export interface SampledColumn {
	name: string;
	type: string;
	values: string[];
	/** Distinct values ÷ non-missing rows over the whole column, when known. */
	distinctRatio?: number;
}
