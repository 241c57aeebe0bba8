/**
 * Churn timing: Kaplan–Meier retention curves, the log-rank test and Cox
 * proportional hazards, computed as R's survival package does (checked
 * against R 4.2.2, survival 3.5-3, in tests/unit/models/survival).
 */
export { kaplanMeier, medianSurvival, stepsUpTo, survivalAt, type SurvivalCurve, type SurvivalPoint } from './kaplan-meier';
export { logRank, type LogRankResult } from './log-rank';
export { fitCox, coxLinearPredictor, predictSurvivalCurve, type CoxModel, type CoxOptions, type CoxTies } from './cox';
export { concordanceIndex } from './concordance';
export { encodeCovariates, type EncodedCovariates } from './encode-covariates';
export { runSurvival, ALL_CUSTOMERS, MAX_GROUPS, type SurvivalGroup, type SurvivalRequest, type SurvivalResult } from './run';
