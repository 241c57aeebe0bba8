/** A blend state (the automatic mode's ensemble) seen by the exporters: its members' kinds and fitted states. */
import type { ModelState } from '../types';
import { TABULAR_BLEND_KIND } from '../catalog';

export interface BlendState extends ModelState {
	members: { kind: string; state: ModelState }[];
}

export function isBlend(state: ModelState): state is BlendState {
	return state.kind === TABULAR_BLEND_KIND;
}
