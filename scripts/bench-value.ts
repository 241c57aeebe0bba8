/**
 * Customer-value speed: BG/NBD and Gamma-Gamma fits (median of 5 runs, seconds) and the whole
 * job (fits + P(alive), expected purchases, spend and 12-month CLV per customer) on the full
 * CDNOW cohort (23,570 customers, 39-week calibration) and on 25,000 customers simulated from
 * the paper's estimates with CDNOW-like ages (continuous times: no two repeat customers share
 * a likelihood term, the slower case). Target: BG/NBD ≤ 2 s. One JSON line per data set.
 *   npm run bench:value [runs]
 */
import { fitBgNbd, fitGammaGamma, runCustomerValue, simulateBgNbd, simulateGammaGamma, type PurchaseSummary } from '../models/value';
import { summariseFile } from './purchase-summary';

const RUNS = Number(process.argv[2] ?? 5);
/** The full CDNOW cohort summarised by the value cell's SQL, 39-week calibration. */
async function cdnowMaster(): Promise<PurchaseSummary> {
	const request = { customer: 'customer_id', date: 'date', amount: 'amount', calibrationEnd: '1997-09-30', holdoutEnd: null, unit: 'week' } as const;
	return (await summariseFile('datasets/cdnow_master.csv', request)).summary;
}

function simulated(customers: number): PurchaseSummary {
	const ages = Float64Array.from({ length: customers }, (_, i) => (273 - (i % 84)) / 7);
	const s = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers, ages, 1);
	return { ...s, monetary: simulateGammaGamma({ p: 6.25, q: 3.74, v: 15.44 }, s.frequency, 2) };
}

async function medianSeconds(work: () => unknown): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await work();
		times.push((performance.now() - started) / 1000);
	}
	times.sort((u, v) => u - v);
	return Number(times[Math.floor(times.length / 2)].toFixed(3));
}

async function main() {
	for (const [data, summary] of [
		['cdnow_master', await cdnowMaster()],
		['simulated', simulated(25_000)]
	] as const) {
		const bgnbd = await medianSeconds(() => fitBgNbd(summary));
		const gammaGamma = await medianSeconds(() => fitGammaGamma(summary.frequency, summary.monetary));
		const wholeJob = await medianSeconds(() => runCustomerValue(summary, { horizonMonths: 12, monthlyDiscountRate: 0.01, daysPerUnit: 7, predictionPeriods: 39 }));
		console.log(JSON.stringify({ bench: 'value', data, customers: summary.frequency.length, runs: RUNS, bgnbd_s: bgnbd, gamma_gamma_s: gammaGamma, whole_job_s: wholeJob, bgnbd_target_s: 2 }));
	}
}

main().catch((e: Error) => {
	console.error(`bench-value: ${e.message}`);
	process.exit(1);
});
