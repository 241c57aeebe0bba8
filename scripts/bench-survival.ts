/**
 * `npm run bench:survival [file.csv]`: churn timing speed on wa_churn (7,043 customers) in Node.
 * Cox with Efron ties on 10 encoded covariates (monthly_charges, contract ×2, senior_citizen,
 * internet_service ×2, paperless_billing, payment_method ×3: the reference model of the tests),
 * the same with Breslow ties, Kaplan–Meier per contract + the log-rank test, and the whole job
 * (`runSurvival`). Each is the median of 7 runs after one warm-up, in seconds; one JSON line.
 * Target: the Cox fit ≤ 1 s.
 */
import { encodeCovariates, fitCox, kaplanMeier, logRank, runSurvival } from '../models/survival';
import { textAt, type RawColumn } from '../models/shared';
import { loadTable } from './load-table';

const COVARIATES = ['monthly_charges', 'contract', 'senior_citizen', 'internet_service', 'paperless_billing', 'payment_method'];
const RUNS = 7;

async function seconds(work: () => unknown): Promise<number> {
	await work();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await work();
		times.push((performance.now() - started) / 1000);
	}
	return Number(times.sort((a, b) => a - b)[RUNS >> 1].toFixed(4));
}

async function main() {
	const raw = await loadTable(process.argv[2] ?? 'datasets/wa_churn.csv');
	const column = (name: string): RawColumn => {
		const found = raw.find((c) => c.name === name);
		if (!found) throw new Error(`no column ${name}`);
		return found;
	};
	const duration = Float64Array.from(column('tenure').values as Float64Array);
	const churn = column('churn');
	const event = Uint8Array.from({ length: duration.length }, (_, r) => (textAt(churn, r) === 'Yes' ? 1 : 0));
	const contract = Array.from({ length: duration.length }, (_, r) => textAt(column('contract'), r));
	const labels = [...new Set(contract)].sort();
	const group = Int32Array.from(contract, (c) => labels.indexOf(c));
	const encoded = encodeCovariates(raw, COVARIATES);
	const request = { times: [12, 24, 48], covariates: COVARIATES, group: 'contract' };
	console.log(
		JSON.stringify({
			bench: 'survival',
			customers: duration.length,
			covariates: encoded.names.length,
			cox_efron_s: await seconds(() => fitCox(duration, event, encoded.X, encoded.names)),
			cox_breslow_s: await seconds(() => fitCox(duration, event, encoded.X, encoded.names, { ties: 'breslow' })),
			encode_s: await seconds(() => encodeCovariates(raw, COVARIATES)),
			kaplan_meier_logrank_s: await seconds(() => {
				for (let g = 0; g < labels.length; g++) {
					const rows = contract.flatMap((c, r) => (c === labels[g] ? [r] : []));
					kaplanMeier(Float64Array.from(rows, (r) => duration[r]), Uint8Array.from(rows, (r) => event[r]));
				}
				return logRank(duration, event, group, labels.length);
			}),
			run_survival_s: await seconds(() => runSurvival(duration, event, contract, raw, request)),
			runs: RUNS
		})
	);
}

main().catch((e: Error) => {
	console.error(`bench-survival: ${e.message}`);
	process.exit(1);
});
