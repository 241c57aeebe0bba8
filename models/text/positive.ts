/**
 * Which of two labels means "positive sentiment": the lexicon and the shipped
 * pretrained model score positivity, so a binary task must know which label
 * that is. Guessed from common names in English and French; the user can
 * always pick another in the text cell.
 */
const POSITIVE_NAMES = [
	'positive', 'pos', 'great', 'good', 'excellent', 'happy', 'satisfied', 'promoter', 'like', 'liked', 'yes', 'true', 'up',
	'positif', 'bon', 'bien', 'satisfait', 'satisfaite', 'content', 'oui', 'vrai', 'recommande'
];
const NEGATIVE_NAMES = [
	'negative', 'neg', 'bad', 'poor', 'other', 'unhappy', 'unsatisfied', 'dissatisfied', 'detractor', 'no', 'false', 'down',
	'négatif', 'negatif', 'négative', 'mauvais', 'insatisfait', 'mécontent', 'non', 'faux', 'autre'
];

const norm = (s: string) => s.trim().toLowerCase();

/** The positive label of a two-label task, or null when the names do not say. */
export function guessPositive(classes: readonly string[]): string | null {
	if (classes.length !== 2) return null;
	const [a, b] = classes.map(norm);
	for (const name of POSITIVE_NAMES) {
		if (a === name && b !== name) return classes[0];
		if (b === name && a !== name) return classes[1];
	}
	for (const name of NEGATIVE_NAMES) {
		if (a === name) return classes[1];
		if (b === name) return classes[0];
	}
	// Ratings or 0/1 flags: the larger number is the better opinion.
	const na = Number(a);
	const nb = Number(b);
	if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na > nb ? classes[0] : classes[1];
	return null;
}
