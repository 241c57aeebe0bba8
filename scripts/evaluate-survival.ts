/**
 * `npm run evaluate -- survival --data <file.csv> --duration <col> --event <col> --event-value <v>
 *      [--group <col>] [--covariates a,b,c] [--times 12,24,48]`
 * The churn-timing job (models/survival, as the survival cell runs it) on a file read through DuckDB.
 * Prints one JSON object per line: a `kaplan_meier` line per group and time (survival, 95 % band,
 * the group's median), a `logrank` line with a group column, a `cox` line with covariates
 * (coefficients by encoded name, hazard ratios, standard errors, p-values, concordance, fit_ms).
 * Notes (customers left out, reference levels) go to stderr.
 */
import { runSurvival, type SurvivalRequest } from '../models/survival';
import { textAt, type RawColumn } from '../models/shared';
import { loadTable } from './load-table';

interface SurvivalArgs {
	data: string;
	duration: string;
	event: string;
	eventValue: string;
	request: SurvivalRequest;
}

function parseSurvivalArgs(rest: string[], fail: (message: string) => never): SurvivalArgs {
	const flags = new Map<string, string>();
	for (let i = 0; i < rest.length; i += 2) {
		if (!rest[i].startsWith('--') || rest[i + 1] === undefined || rest[i + 1].startsWith('--')) fail(`invalid argument: ${rest[i]}`);
		flags.set(rest[i].slice(2), rest[i + 1]);
	}
	const list = (name: string) => flags.get(name)?.split(',').map((c) => c.trim()).filter(Boolean) ?? [];
	const times = list('times').map(Number);
	for (const t of times) if (!(Number.isFinite(t) && t >= 0)) fail(`invalid time: ${t} (use --times 12,24,48)`);
	return {
		data: flags.get('data') ?? fail('--data <file.csv> is required'),
		duration: flags.get('duration') ?? fail('--duration <column> is required'),
		event: flags.get('event') ?? fail('--event <column> is required'),
		eventValue: flags.get('event-value') ?? fail('--event-value <value> (the churned value, e.g. Yes) is required'),
		request: { times, covariates: list('covariates'), group: flags.get('group') ?? null }
	};
}

const round = (x: number | null) => (x === null || !Number.isFinite(x) ? x : Number(x.toPrecision(8)));
const byName = (names: string[], values: number[]) => Object.fromEntries(names.map((n, j) => [n, round(values[j])]));

export async function main(argv: string[], fail: (message: string) => never): Promise<void> {
	const args = parseSurvivalArgs(argv, fail);
	const raw = await loadTable(args.data);
	const column = (name: string): RawColumn => raw.find((c) => c.name === name) ?? fail(`invalid column: ${name} (the file has ${raw.map((c) => c.name).join(', ')})`);
	const durationColumn = column(args.duration);
	if (durationColumn.type !== 'numeric') fail(`invalid duration column: ${args.duration} is not numeric`);
	const eventColumn = column(args.event);
	const rows = durationColumn.values.length;
	// 255 marks a missing churn flag: runSurvival leaves those customers out.
	const event = Uint8Array.from({ length: rows }, (_, r) => {
		const v = textAt(eventColumn, r);
		return v === null ? 255 : v === args.eventValue ? 1 : 0;
	});
	const groupColumn = args.request.group ? column(args.request.group) : null;
	const group = groupColumn ? Array.from({ length: rows }, (_, r) => textAt(groupColumn, r)) : null;
	const covariates = args.request.covariates.map(column);

	const started = performance.now();
	const result = await runSurvival(Float64Array.from(durationColumn.values), event, group, covariates, args.request);
	const ms = Math.round(performance.now() - started);
	for (const g of result.groups)
		for (const a of g.at) console.log(JSON.stringify({ model: 'kaplan_meier', group: g.label, time: a.time, survival: round(a.survival), lower: round(a.lower), upper: round(a.upper), median: g.median, customers: g.customers, events: g.events }));
	if (result.logRank) console.log(JSON.stringify({ model: 'logrank', chisq: round(result.logRank.chisq), df: result.logRank.df, p: result.logRank.p, observed: result.logRank.observed, expected: result.logRank.expected.map(round) }));
	const cox = result.cox;
	if (cox)
		console.log(
			JSON.stringify({
				model: 'cox',
				ties: cox.ties,
				coefficients: byName(cox.names, cox.coefficients),
				hazard_ratios: byName(cox.names, cox.hazardRatios),
				standard_errors: byName(cox.names, cox.standardErrors),
				p: byName(cox.names, cox.p),
				log_likelihood: round(cox.logLikelihood),
				null_log_likelihood: round(cox.nullLogLikelihood),
				concordance: round(cox.concordance),
				iterations: cox.iterations,
				converged: cox.converged,
				job_ms: ms
			})
		);
	for (const note of result.notes) console.error(`note: ${note}`);
}
