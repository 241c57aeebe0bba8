/**
 * Reads a user's word list: one "word,score" per line, also "word;score"
 * (with decimal commas, as French spreadsheets write them) and tab-separated
 * files such as AFINN's. An optional header row names the columns; scores are
 * numbers on any scale or the labels positive/negative (+1/−1) and neutral (0).
 */
import type { WordScore } from './custom';

const LABELS = new Map<string, number>([
	['positive', 1], ['pos', 1], ['+', 1], ['positif', 1], ['positiv', 1],
	['negative', -1], ['neg', -1], ['-', -1], ['−', -1], ['négatif', -1], ['negatif', -1], ['négative', -1], ['negativ', -1],
	['neutral', 0], ['neutre', 0]
]);
/** Header names of the word and score columns, when the file has more than two. */
const WORD_NAMES = ['word', 'words', 'term', 'token', 'phrase', 'expression', 'mot', 'mots', 'terme', 'lemma'];
const SCORE_NAMES = ['score', 'value', 'valence', 'sentiment', 'polarity', 'weight', 'note', 'valeur', 'polarité', 'polarite', 'poids'];
/** At most this many bad lines are quoted in an error message. */
const QUOTED = 3;

/** Cells of one line: quotes ("a, b") protect the delimiter, doubled quotes are a quote. */
function splitLine(line: string, delimiter: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"' && cell.trim() === '') quoted = true;
		else if (ch === delimiter) cells.push(cell), (cell = '');
		else cell += ch;
	}
	cells.push(cell);
	return cells.map((c) => c.trim());
}

/**
 * The first of tab, ";" and "," that splits most lines in two or more cells:
 * ";" before "," so "bon;0,7" (decimal comma) reads right.
 */
function delimiterOf(lines: string[]): string {
	const sample = lines.slice(0, 200);
	for (const d of ['\t', ';', ',']) {
		const split = sample.filter((l) => splitLine(l, d).length >= 2).length;
		if (split >= 0.8 * sample.length) return d;
	}
	return ',';
}

/** A score cell as a number: decimals with "." or ",", a leading "+", or a label. */
function scoreOf(cell: string): number | null {
	const label = LABELS.get(cell.toLowerCase());
	if (label !== undefined) return label;
	const text = cell.replace(/^\+/, '').replace('−', '-').replace(',', '.');
	if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(text)) return null;
	return Number(text);
}

const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * The entries of a word-list file, in file order. Throws an Error that says
 * what is wrong and where when the file is empty, has no score column, or has
 * scores that are not numbers.
 */
export function parseWordList(csvText: string): WordScore[] {
	const lines = csvText
		.replace(/^\ufeff/, '')
		.split(/\r\n|\n|\r/)
		.map((text, i) => ({ text, line: i + 1 }))
		.filter((l) => l.text.trim() !== '' && !l.text.trimStart().startsWith('#'));
	if (!lines.length) throw new Error('The word list is empty: expected one "word,score" line per word, e.g. "great,1" or "awful;-2".');
	const delimiter = delimiterOf(lines.map((l) => l.text));
	const rows = lines.map((l) => ({ cells: splitLine(l.text, delimiter), line: l.line }));

	// A first row whose score cell is neither a number nor a label is a header.
	let wordCol = 0;
	let scoreCol = 1;
	const first = rows[0].cells;
	if (first.length >= 2 && scoreOf(first[1]) === null) {
		const names = first.map((c) => c.toLowerCase());
		const w = names.findIndex((n) => WORD_NAMES.includes(n));
		const s = names.findIndex((n) => SCORE_NAMES.includes(n));
		if (w >= 0) wordCol = w;
		if (s >= 0) scoreCol = s;
		else if (wordCol === 1) scoreCol = 0;
		rows.shift();
		if (!rows.length) throw new Error(`The word list has a header (${first.map(quote).join(', ')}) but no words below it.`);
	}

	if (rows.every((r) => r.cells.length < 2)) {
		throw new Error(
			`The word list has no score column: each line needs a word and a score separated by a comma, semicolon or tab, e.g. "great,1" (line ${rows[0].line} reads ${quote(lines.find((l) => l.line === rows[0].line)!.text)}).`
		);
	}

	const entries: WordScore[] = [];
	const problems: string[] = [];
	for (const { cells, line } of rows) {
		const word = cells[wordCol] ?? '';
		const cell = cells[scoreCol];
		if (word === '') problems.push(`line ${line}: the word is empty`);
		else if (cell === undefined || cell === '') problems.push(`line ${line}: ${quote(word)} has no score`);
		else {
			const score = scoreOf(cell);
			if (score === null) problems.push(`line ${line}: the score ${quote(cell)} of ${quote(word)} is not a number`);
			else entries.push({ word, score });
		}
	}
	if (problems.length) {
		const more = problems.length > QUOTED ? `; ${problems.length - QUOTED} more line${problems.length - QUOTED > 1 ? 's' : ''} with problems` : '';
		throw new Error(
			`The word list could not be read: ${problems.slice(0, QUOTED).join('; ')}${more}. Scores must be numbers (e.g. 1, -2, 0.5) or positive/negative.`
		);
	}
	return entries;
}
