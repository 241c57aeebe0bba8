/**
 * Customer value: the BG/NBD purchase model, the Gamma-Gamma spend model and
 * lifetime value (Fader, Hardie & Lee 2005; Fader & Hardie 2013), as the
 * lifetime-value cell, `npm run evaluate -- clv` and `npm run bench:value` use them.
 */
export type { BgNbdParams, FitReport, GammaGammaParams, PurchaseSummary } from './types';
export {
	bgnbdLogLikelihood,
	conditionalExpectedPurchases,
	expectedPurchases,
	fitBgNbd,
	probabilityAlive,
	probabilityAliveMatrix
} from './bgnbd';
export { conditionalExpectedSpend, fitGammaGamma, frequencyMonetaryCorrelation, gammaGammaLogLikelihood } from './gamma-gamma';
export { customerLifetimeValue, DAYS_PER_MONTH, type ClvOptions } from './clv';
export { hyp2f1 } from './hyp2f1';
export { lgamma, digamma } from './special';
export { simulateBgNbd, simulateGammaGamma } from './simulate';
export { runCustomerValue, MIN_SPENDING_REPEAT_CUSTOMERS, type CustomerValueResult, type ValueRequest } from './run';
