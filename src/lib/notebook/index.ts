export * from './types';
export * from './ops';
export * from './serialize';
export { newId } from './ids';
export type { CellOffers, ChurnModelOffer, CustomerValueOffer, OfferKind, Offered } from './offers';
/** Param schema builders: `param.text()`, `param.number(60, { min: 1 })`, `param.paramDefaults(schema)`, … */
export * as param from './params';
export type { AnyParamSchema, ParamField, ParamSchema } from './params';
export { appendEntry, emptyRecord, lastSignature, readRecord, PROCESSING_KINDS, RECORD_LIMIT } from './record';
export type { ProcessingEntry, ProcessingKind, ProcessingRecord, RecordedTable } from './record';
