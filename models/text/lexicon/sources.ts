/**
 * The scorer for a lexicon state: VADER, Bing and French load once per
 * session (lazily: their word lists stay out of the first page bundle); a
 * custom list is built from the state's entries, once per state object.
 */
import type { LexiconSource } from '../job';
import { vaderScorer } from './vader';
import { bingScorer } from './bing';
import { frenchScorer } from './french';
import { customScorer, type WordScore } from './custom';
import type { Scorer } from './scorer';

export const LEXICON_SOURCES: readonly LexiconSource[] = ['vader', 'bing', 'french', 'custom'];

const customs = new WeakMap<readonly WordScore[], Scorer>();

export async function scorerFor(source: LexiconSource, custom: readonly WordScore[] | undefined): Promise<Scorer> {
	switch (source) {
		case 'vader':
			return vaderScorer();
		case 'bing':
			return bingScorer();
		case 'french':
			return frenchScorer();
		case 'custom': {
			const list = custom ?? [];
			let scorer = customs.get(list);
			if (!scorer) customs.set(list, (scorer = customScorer(list)));
			return scorer;
		}
		default:
			throw new Error(`Unknown lexicon "${String(source)}": choose one of ${LEXICON_SOURCES.join(', ')}.`);
	}
}
