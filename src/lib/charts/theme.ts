/** Colours shared by every chart; Plot draws axes and text in currentColor. */

/** Page theme and the width a chart may take, in CSS pixels. */
export interface ChartTheme {
	dark: boolean;
	width: number;
}

/** Categories read on light and dark backgrounds alike (no near-white or near-black swatch). */
export const CATEGORICAL_SCHEME = 'tableau10';

/** The background stays the page's; text and axes take the theme's foreground. */
export function themeStyle(dark: boolean): { background: string; color: string } {
	return { background: 'transparent', color: dark ? '#e6e6e6' : '#1f2328' };
}

/** Fill of single-series marks: a blue with contrast on both themes. */
export function seriesColour(dark: boolean): string {
	return dark ? '#6ea8fe' : '#2f6fb3';
}

/** Solid background for exported files, which leave the page's background behind. */
export function exportBackground(dark: boolean): string {
	return dark ? '#0d1117' : '#ffffff';
}
