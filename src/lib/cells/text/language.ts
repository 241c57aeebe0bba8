/**
 * Whether a column's texts are French or English, from a sample of rows: each
 * text counts the common function words of each language (le, les, est, pas…
 * against the, is, not…) and its accented words (é, è, à, ç… weigh for French).
 * It picks the French lexicon by default and warns when an English-only model
 * (VADER, Bing, the shipped pretrained model) is used on French texts.
 */

/** Words frequent in any French text and rare in English ones (`a`, `on`, `me`, `son` are both, so absent). */
const FRENCH = new Set(
	('le la les un une des du de et est je tu il elle nous vous ils elles pas ne très mais pour avec sur dans qui que ' +
		'ce cette ces mon ma mes ton ta votre vos leur au aux en ou où plus trop bien sont suis ai été était c j l d n qu m s ' +
		'rien jamais toujours aussi car donc sans chez merci même tout tous toute').split(' ')
);
const ENGLISH = new Set(
	('the an and is are was were i you he she it we they not but for with of to this that these those my your his ' +
		'her our their have has had very too be been at from so would will just do does did don t it s there what which ' +
		'never always also because without thanks all any').split(' ')
);
/** Letters found in French words and almost never in English ones. */
const FRENCH_LETTER = /[éèêëàâîïôûùüçœ]/;
/** How much one accented word counts against one function word. */
const ACCENT_WEIGHT = 0.5;
/** Share of the decided texts above which the column is French (below 1 − this: English). */
const CLEAR_SHARE = 0.7;

export type TextLanguage = 'fr' | 'en' | 'mixed' | 'unknown';

export interface LanguageGuess {
	language: TextLanguage;
	/** Sampled texts that read French, and those that read as one language or the other. */
	french: number;
	decided: number;
	/** A French-looking text of the sample, to show the user (null when none). */
	example: string | null;
}

/** The language one text reads as: 'fr', 'en', or null (no clue, or as much of each). */
export function textLanguage(text: string): 'fr' | 'en' | null {
	const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
	let fr = 0;
	let en = 0;
	for (const w of words) {
		if (FRENCH.has(w)) fr++;
		if (ENGLISH.has(w)) en++;
		if (FRENCH_LETTER.test(w)) fr += ACCENT_WEIGHT;
	}
	return fr > en ? 'fr' : en > fr ? 'en' : null;
}

/** The language of a sample of texts (null = missing value). */
export function detectLanguage(texts: (string | null)[]): LanguageGuess {
	let french = 0;
	let decided = 0;
	let example: string | null = null;
	for (const text of texts) {
		if (!text) continue;
		const language = textLanguage(text);
		if (!language) continue;
		decided++;
		if (language === 'fr') {
			french++;
			example ??= text;
		}
	}
	const share = decided ? french / decided : 0;
	const language: TextLanguage = !decided ? 'unknown' : share >= CLEAR_SHARE ? 'fr' : share <= 1 - CLEAR_SHARE ? 'en' : 'mixed';
	return { language, french, decided, example };
}

/** Whether English-only models deserve a warning on these texts (French, or partly French). */
export const looksFrench = (guess: LanguageGuess | null): boolean => guess?.language === 'fr' || guess?.language === 'mixed';
