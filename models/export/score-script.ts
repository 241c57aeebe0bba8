/**
 * The text of `score.py` for bundles built in the browser (Vite inlines it).
 * Its own entry, apart from `index.ts`, because Node's command line reads the
 * file from disk instead and cannot import `?raw`.
 */
import script from './score.py?raw';

export const SCORE_SCRIPT: string = script;
