/**
 * Negation marking for the lexicon models: in "not good" or "pas bon" the
 * sentiment of "good"/"bon" is reversed. A negator flips the next three word
 * tokens, stopping early at "!" / "?", a contrast word ("but", "mais") or a
 * coordinating "and"/"et" ("pas cher et efficace": cheap, and effective).
 */
import type { Token } from './tokenize';

export const NEGATORS = new Set([
	// English (with and without the apostrophe, as people type them)
	'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'without', 'cannot',
	"don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "aren't", 'arent', "wasn't", 'wasnt',
	"weren't", 'werent', "won't", 'wont', "wouldn't", 'wouldnt', "can't", 'cant', "couldn't", 'couldnt',
	"shouldn't", 'shouldnt', "hasn't", 'hasnt', "haven't", 'havent', "hadn't", 'hadnt', "ain't", 'aint', "mustn't",
	// French ("ne … pas" is covered by "pas"; "n'" before a verb too)
	'ne', "n'", 'pas', 'jamais', 'aucun', 'aucune', 'rien', 'sans', 'ni', 'guère', 'nullement'
]);

const CONTRAST = new Set(['but', 'however', 'yet', 'mais', 'cependant', 'pourtant', 'toutefois']);
/** A coordinated phrase after the negated one is not negated: "not cheap and works well". */
const COORDINATION = new Set(['and', 'et']);

/** How many following words a negator reaches. */
export const NEGATION_SCOPE = 3;

/** Clause punctuation between two tokens ends a negation's scope ("not cheap, good quality"). */
const CLAUSE_END = /[.,;:()]/;

/**
 * For each token, the index of the negator whose scope it sits in, or -1
 * (negators themselves are -1). Pass the text the tokens came from so commas
 * and full stops end the scope. The lexicon names negated terms after it ("not good").
 */
export function negators(tokens: readonly Token[], text?: string): Int32Array {
	const by = new Int32Array(tokens.length).fill(-1);
	let left = 0;
	let negator = -1;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		const gap = text !== undefined && i > 0 ? text.slice(tokens[i - 1].end, t.start) : '';
		if (CLAUSE_END.test(gap)) left = 0;
		if (t.kind === 'punct' || CONTRAST.has(t.token) || COORDINATION.has(t.token)) {
			left = 0;
		} else if (NEGATORS.has(t.token)) {
			left = NEGATION_SCOPE;
			negator = i;
		} else if (t.kind === 'word' && left > 0) {
			by[i] = negator;
			left--;
		}
	}
	return by;
}

/**
 * `negated[i]` is true when token i sits in the scope of a negator (negators themselves are not).
 * Pass the text the tokens came from so commas and full stops end the scope.
 */
export function markNegation(tokens: readonly Token[], text?: string): boolean[] {
	return Array.from(negators(tokens, text), (n) => n >= 0);
}
