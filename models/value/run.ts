/** The whole customer-value job the lifetime-value cell and `evaluate clv` run on a purchase summary. */
import { inputError } from '../shared/input-error';
import { yieldAndCheck } from '../shared/cancel';
import { conditionalExpectedPurchases, fitBgNbd, probabilityAlive } from './bgnbd';
import { conditionalExpectedSpend, fitGammaGamma, frequencyMonetaryCorrelation, spendingRepeatCustomers } from './gamma-gamma';
import { discountedValue } from './clv';
import type { BgNbdParams, FitReport, GammaGammaParams, PurchaseSummary } from './types';

export interface ValueRequest {
	horizonMonths: number;
	monthlyDiscountRate: number;
	daysPerUnit: number;
	/** H for "expected purchases in the next H units". */
	predictionPeriods: number;
}

export interface CustomerValueResult {
	bgnbd: FitReport<BgNbdParams>;
	/** Null when fewer than MIN_SPENDING_REPEAT_CUSTOMERS repeat customers have a positive spend (`notes` says so). */
	gammaGamma: FitReport<GammaGammaParams> | null;
	frequencyMonetaryCorrelation: number;
	/** Per customer, in summary order. */
	probabilityAlive: Float64Array;
	/** Expected repeat purchases in the next `predictionPeriods` units. */
	expectedPurchases: Float64Array;
	expectedSpend: Float64Array;
	clv: Float64Array;
	notes: string[];
}

export const MIN_SPENDING_REPEAT_CUSTOMERS = 10;
/** Above this |correlation| the Gamma-Gamma independence assumption is doubtful (a rule of thumb, not a test). */
const CORRELATION_WARNING = 0.3;
/** Customers between two yields to the event loop (a cancel can only arrive then). */
const CUSTOMERS_PER_YIELD = 2000;

export async function runCustomerValue(s: PurchaseSummary, request: ValueRequest, opts: { signal?: AbortSignal; progress?: (share: number) => void } = {}): Promise<CustomerValueResult> {
	const n = s.frequency.length;
	if (s.monetary.length !== n) throw inputError(`invalid summary: frequency has ${n} rows, monetary ${s.monetary.length}`);
	if (!(request.predictionPeriods >= 0)) throw inputError(`invalid prediction periods: ${request.predictionPeriods}`);
	const notes: string[] = [];
	await yieldAndCheck(opts.signal);
	const bgnbd = fitBgNbd(s, { signal: opts.signal });
	if (!bgnbd.converged) notes.push('The BG/NBD fit did not fully converge: the parameters are the best found, treat them with care.');
	if (bgnbd.standardErrors === null) notes.push('The BG/NBD likelihood is flat at the optimum: no standard errors.');
	if (atBoundary(bgnbd.params))
		notes.push(`The BG/NBD estimates ran to a boundary (${describe(bgnbd.params)}): the purchases show too little repeat buying or drop-out to pin the model down, so treat its predictions with care.`);
	opts.progress?.(0.4);
	await yieldAndCheck(opts.signal);

	const spenders = spendingRepeatCustomers(s.frequency, s.monetary).x.length;
	let gammaGamma: FitReport<GammaGammaParams> | null = null;
	if (spenders < MIN_SPENDING_REPEAT_CUSTOMERS) {
		notes.push(`Only ${spenders} repeat customers have a positive spend (at least ${MIN_SPENDING_REPEAT_CUSTOMERS} are needed): no Gamma-Gamma fit; expected spend is each customer's own mean repeat spend (the mean over repeat customers for one-time buyers).`);
	} else {
		gammaGamma = fitGammaGamma(s.frequency, s.monetary, { signal: opts.signal });
		if (!gammaGamma.converged) notes.push('The Gamma-Gamma fit did not fully converge: the parameters are the best found, treat them with care.');
		if (atBoundary(gammaGamma.params)) notes.push(`The Gamma-Gamma estimates ran to a boundary (${describe(gammaGamma.params)}): spend varies too little between or within customers to pin the model down.`);
		if (!(gammaGamma.params.q > 1)) notes.push(`The Gamma-Gamma q is ${gammaGamma.params.q.toFixed(3)} ≤ 1: the mean spend has no finite expectation, so expected spend and CLV are not meaningful.`);
	}
	const correlation = frequencyMonetaryCorrelation(s.frequency, s.monetary);
	if (Math.abs(correlation) > CORRELATION_WARNING)
		notes.push(`Frequency and mean spend correlate (r = ${correlation.toFixed(2)}): the Gamma-Gamma model assumes they are independent, so expected spend may be biased.`);
	opts.progress?.(0.5);

	const observedMean = meanRepeatSpend(s);
	const spendOf = (x: number, m: number) => (gammaGamma ? conditionalExpectedSpend(gammaGamma.params, x, m) : x > 0 && m > 0 ? m : observedMean);
	const alive = new Float64Array(n), purchases = new Float64Array(n), spend = new Float64Array(n), clv = new Float64Array(n);
	const p = bgnbd.params;
	const clvOptions = { horizonMonths: request.horizonMonths, monthlyDiscountRate: request.monthlyDiscountRate, daysPerUnit: request.daysPerUnit };
	for (let i = 0; i < n; i++) {
		if (i % CUSTOMERS_PER_YIELD === 0 && i > 0) {
			await yieldAndCheck(opts.signal);
			opts.progress?.(0.5 + (0.5 * i) / n);
		}
		const x = s.frequency[i], tx = s.recency[i], T = s.age[i];
		alive[i] = probabilityAlive(p, x, tx, T);
		purchases[i] = conditionalExpectedPurchases(p, request.predictionPeriods, x, tx, T);
		spend[i] = spendOf(x, s.monetary[i]);
		clv[i] = discountedValue(p, spend[i], x, tx, T, clvOptions);
	}
	opts.progress?.(1);
	return { bgnbd, gammaGamma, frequencyMonetaryCorrelation: correlation, probabilityAlive: alive, expectedPurchases: purchases, expectedSpend: spend, clv, notes };
}

/** Estimates beyond 1e±6 mean the likelihood kept improving towards 0 or ∞ (a degenerate optimum). */
function atBoundary(params: BgNbdParams | GammaGammaParams): boolean {
	return Object.values(params).some((v) => !(v > 1e-6 && v < 1e6));
}

const describe = (params: BgNbdParams | GammaGammaParams) => Object.entries(params).map(([name, v]) => `${name} = ${Number(v.toPrecision(3))}`).join(', ');

/** Mean of the repeat customers' mean spend (0 when there are none): the fallback without a Gamma-Gamma fit. */
function meanRepeatSpend(s: PurchaseSummary): number {
	const { m } = spendingRepeatCustomers(s.frequency, s.monetary);
	return m.length === 0 ? 0 : m.reduce((sum, v) => sum + v, 0) / m.length;
}
