/**
 * A component loaded on first use: the first call starts the import, later
 * calls share it (so `{#await view() then View}` renders it at once after that).
 */
import type { Component } from 'svelte';

export function lazy<C extends Component<any>>(load: () => Promise<{ default: C }>): () => Promise<C> {
	let loading: Promise<C> | null = null;
	return () => (loading ??= load().then((m) => m.default));
}
