/**
 * The automatic mode's view of the catalogue: each searched kind's space (declared in its own
 * folder, carried by its catalogue entry) and its share of the time budget.
 */
import { MODEL_CATALOG, TABULAR_KINDS, type TabularKind } from '../catalog';
import type { SearchSpace } from '../shared/search-space';

export type { SearchSpace };

export const SEARCH_SPACES = Object.fromEntries(TABULAR_KINDS.map((k) => [k, MODEL_CATALOG[k].search])) as Record<TabularKind, SearchSpace>;

/** Share of the time budget per kind (the catalogue's): boosting gets the most, as it usually wins on tables. */
export const BUDGET_SHARE = Object.fromEntries(TABULAR_KINDS.map((k) => [k, MODEL_CATALOG[k].budgetShare])) as Record<TabularKind, number>;
