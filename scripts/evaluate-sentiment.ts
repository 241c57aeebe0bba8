/**
 * `npm run evaluate -- sentiment`: the text trainer (the text cell's very
 * code) on any CSV with a text and a label column.
 *
 *   npm run evaluate -- sentiment --data <file.csv> --text <column> --target <column>
 *        [--split-column <column>] [--models lexicon,tfidf,rnn,transformer,pretrained,auto] [--seed 42]
 *        [--positive <label>] [--lexicon vader|bing|french] [--char-ngrams true] [--max-length 160] [--epochs 8]
 *
 * One JSON line per model: accuracy, macro-F1, ROC AUC (two classes only), fit time and
 * prediction speed on the test rows. The lexicon uses no training rows (n_train 0).
 */
import type { RawColumn } from '../models/shared';
import { TEXT_BLEND_KIND } from '../models/catalog';
import { trainText, DEFAULT_TEXT_REQUEST, TEXT_KINDS, type LexiconSource, type TextKind, type TextRequest } from '../models/text';

const CHOICES = [...TEXT_KINDS, TEXT_BLEND_KIND] as const;
const LEXICONS: LexiconSource[] = ['vader', 'bing', 'french'];

export function parseSentimentArgs(rest: string[], fail: (m: string) => never) {
	const flags = new Map<string, string>();
	for (let i = 0; i < rest.length; i += 2) {
		if (!rest[i].startsWith('--') || rest[i + 1] === undefined || rest[i + 1].startsWith('--')) fail(`invalid argument: ${rest[i]}`);
		flags.set(rest[i].slice(2), rest[i + 1]);
	}
	const models = (flags.get('models') ?? 'lexicon,tfidf,rnn,transformer,pretrained,auto').split(',').map((m) => m.trim());
	for (const m of models) if (!(CHOICES as readonly string[]).includes(m)) fail(`invalid model: ${m} (choose among ${CHOICES.join(', ')})`);
	const lexicon = (flags.get('lexicon') ?? 'vader') as LexiconSource;
	if (!LEXICONS.includes(lexicon)) fail(`invalid lexicon: ${lexicon} (choose among ${LEXICONS.join(', ')})`);
	return {
		data: flags.get('data') ?? fail('--data <file.csv> is required'),
		text: flags.get('text') ?? fail('--text <column> is required'),
		target: flags.get('target') ?? fail('--target <column> is required'),
		splitColumn: flags.get('split-column') ?? null,
		positive: flags.get('positive') ?? null,
		seed: Number(flags.get('seed') ?? 42),
		models: models as (typeof CHOICES)[number][],
		lexicon,
		charNgrams: flags.get('char-ngrams') === 'true',
		maxLength: Number(flags.get('max-length') ?? DEFAULT_TEXT_REQUEST.neural.maxLength),
		epochs: Number(flags.get('epochs') ?? DEFAULT_TEXT_REQUEST.neural.epochs)
	};
}

const round = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

export async function runSentiment(raw: RawColumn[], args: ReturnType<typeof parseSentimentArgs>): Promise<void> {
	const auto = args.models.includes('auto');
	// 'auto' blends whatever else was fitted: with it, every model is trained once and reported.
	const kinds: TextKind[] = auto ? [...TEXT_KINDS] : (args.models as TextKind[]);
	const request: TextRequest = {
		...DEFAULT_TEXT_REQUEST,
		text: args.text,
		target: args.target,
		positive: args.positive,
		splitColumn: args.splitColumn,
		seed: args.seed,
		models: kinds,
		auto,
		lexicon: { source: args.lexicon },
		charNgrams: args.charNgrams,
		neural: { ...DEFAULT_TEXT_REQUEST.neural, maxLength: args.maxLength, epochs: args.epochs }
	};
	const result = await trainText(raw, request, { signal: new AbortController().signal, progress: () => undefined });
	for (const name of args.models) {
		let row = result.rows.find((r) => r.kind === name);
		let selected: string | undefined;
		if (name === 'auto' && !row) {
			// The held-out rows preferred one model to any blend: report it as auto's choice.
			row = result.rows.find((r) => r.kind === result.best && r.kind !== 'auto');
			selected = row?.kind;
		}
		if (!row) continue;
		const line: Record<string, unknown> = {
			task: 'sentiment',
			model: name,
			...(selected ? { selected } : {}),
			n_train: row.kind === 'lexicon' ? 0 : result.nTrain,
			n_test: result.nTest,
			accuracy: round(row.accuracy),
			macro_f1: round(row.macroF1)
		};
		if (result.classes.length === 2) line.auc = round(row.auc);
		Object.assign(line, { fit_ms: Math.round(row.fitMs), predict_per_s: row.predictPerS === null ? null : Math.round(row.predictPerS) });
		if (row.skipped) line.skipped = row.skipped;
		console.log(JSON.stringify(line));
	}
}
