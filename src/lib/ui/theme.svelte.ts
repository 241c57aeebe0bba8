/**
 * Light/dark theme: follows the system until the user picks one, which is
 * remembered in localStorage.
 */
export type ThemeMode = 'system' | 'light' | 'dark';
const KEY = 'crm.theme';

class Theme {
	mode = $state<ThemeMode>('system');
	systemDark = $state(false);
	dark = $derived(this.mode === 'dark' || (this.mode === 'system' && this.systemDark));

	start(): void {
		const saved = localStorage.getItem(KEY);
		if (saved === 'light' || saved === 'dark') this.mode = saved;
		const query = matchMedia('(prefers-color-scheme: dark)');
		this.systemDark = query.matches;
		query.addEventListener('change', (e) => (this.systemDark = e.matches));
	}

	toggle(): void {
		this.mode = this.dark ? 'light' : 'dark';
		localStorage.setItem(KEY, this.mode);
	}
}

export const theme = new Theme();
