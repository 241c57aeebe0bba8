/** Accent- and case-folding shared by the header words, the first-name list and the value tests. */

/** "Prénom" → "prenom", "Aïcha" → "aicha": the form every word list of the detector is kept in. */
export function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Words of a header: "dateNaissance" → ["date", "naissance"], "code_postal" → ["code", "postal"]. */
export function headerWords(name: string): string[] {
	const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2');
	return fold(spaced)
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}
