/**
 * SQL colours for the dark theme. One Dark's comment and keyword colours
 * fall under WCAG AA contrast on the active line and the selection; these
 * keep at least 4.5:1 on every dark background the editor shows (the
 * lightest is the selection, #2b3d5c). The light theme keeps CodeMirror's
 * default colours, which pass on light backgrounds.
 */
import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

export const darkSqlColours = HighlightStyle.define(
	[
		{ tag: [t.keyword, t.operatorKeyword, t.modifier], color: '#e2b6ff' },
		{ tag: [t.string, t.special(t.string), t.regexp], color: '#b5e890' },
		{ tag: [t.number, t.bool, t.atom, t.null], color: '#ffc88a' },
		{ tag: [t.function(t.variableName), t.standard(t.name), t.typeName], color: '#9ccfff' },
		{ tag: [t.comment, t.meta], color: '#b8c0cc', fontStyle: 'italic' },
		{ tag: [t.operator, t.punctuation, t.separator], color: '#a6e6ef' },
		{ tag: [t.name, t.propertyName, t.variableName], color: '#e6e6e6' },
		{ tag: t.invalid, color: '#ff9b94' }
	],
	{ themeType: 'dark' }
);
