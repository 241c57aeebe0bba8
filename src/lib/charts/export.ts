/**
 * Saving a rendered Plot chart as SVG or PNG, entirely in the tab: the SVG is
 * rebuilt as one standalone file and drawn onto a canvas through a `blob:` URL
 * (the CSP allows blob: and data: images, and nothing goes to the network).
 */
import { downloadBlob } from '$lib/ui/download';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, sans-serif';
const SWATCH = 15;
const SWATCH_ROW = 22;
// Swatch labels are measured by guess: a standalone file has no layout engine to ask.
const CHAR_PX = 6;

/** A chart rebuilt as one `<svg>`: the legends above the plot, colours resolved. */
interface Composed {
	svg: SVGSVGElement;
	width: number;
	height: number;
	/** The text colour the page resolved `currentColor` to. */
	colour: string;
}

const isSvg = (e: Element) => e.tagName.toLowerCase() === 'svg';

/** The plot itself: Plot appends it after its legends when it wraps them in a `<figure>`. */
function mainSvg(figure: Element): SVGSVGElement {
	if (isSvg(figure)) return figure as SVGSVGElement;
	const direct = [...figure.children].filter(isSvg);
	const main = direct.at(-1) ?? figure.querySelector('svg');
	if (!main) throw new Error('There is no chart to export yet.');
	return main as SVGSVGElement;
}

function size(svg: SVGSVGElement): { width: number; height: number } {
	const box = svg.getBoundingClientRect();
	return {
		width: Number(svg.getAttribute('width')) || box.width,
		height: Number(svg.getAttribute('height')) || box.height
	};
}

/** A clone placed at `y`, sized in pixels: Plot's stylesheet sizes it `height: auto`, which a nested svg reads as 100 %. */
function placed(svg: SVGSVGElement, y: number): SVGSVGElement {
	const { width, height } = size(svg);
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('x', '0');
	clone.setAttribute('y', String(y));
	clone.style.setProperty('width', `${width}px`);
	clone.style.setProperty('height', `${height}px`);
	clone.style.setProperty('max-width', 'none');
	return clone;
}

/** Plot's swatch legend is HTML; redraw it as SVG rects and labels, wrapped to `width`. */
function swatchLegend(figure: Element, width: number, colour: string, y: number): { group: SVGGElement; height: number } | null {
	const items = [...figure.querySelectorAll('[class$="-swatch"]')].map((item) => ({
		fill: item.querySelector('svg')?.getAttribute('fill') ?? colour,
		label: (item.textContent ?? '').trim()
	}));
	if (items.length === 0) return null;
	const doc = figure.ownerDocument;
	const group = doc.createElementNS(SVG_NS, 'g');
	group.setAttribute('font-family', FONT);
	group.setAttribute('font-size', '10');
	let x = 0;
	let row = 0;
	for (const { fill, label } of items) {
		const itemWidth = SWATCH + 5 + label.length * CHAR_PX + 14;
		if (x > 0 && x + itemWidth > width) {
			x = 0;
			row++;
		}
		const top = y + row * SWATCH_ROW + 4;
		const rect = doc.createElementNS(SVG_NS, 'rect');
		for (const [k, v] of Object.entries({ x, y: top, width: SWATCH, height: SWATCH, fill })) rect.setAttribute(k, String(v));
		const text = doc.createElementNS(SVG_NS, 'text');
		for (const [k, v] of Object.entries({ x: x + SWATCH + 5, y: top + SWATCH / 2, dy: '0.35em', fill: colour }))
			text.setAttribute(k, String(v));
		text.textContent = label;
		group.append(rect, text);
		x += itemWidth;
	}
	return { group, height: (row + 1) * SWATCH_ROW + 6 };
}

function compose(figure: Element, background?: string): Composed {
	const doc = figure.ownerDocument;
	const main = mainSvg(figure);
	const { width } = size(main);
	const colour = getComputedStyle(main).color || '#000000';
	const root = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
	let y = 0;
	const swatches = isSvg(figure) ? null : swatchLegend(figure, width, colour, y);
	if (swatches) {
		root.append(swatches.group);
		y += swatches.height;
	}
	// Continuous colour legends (ramps) are already SVG: stack them as they are.
	const ramps = isSvg(figure) ? [] : [...figure.children].filter((e) => isSvg(e) && e !== main);
	for (const ramp of ramps as SVGSVGElement[]) {
		root.append(placed(ramp, y));
		y += size(ramp).height;
	}
	root.append(placed(main, y));
	const height = y + size(main).height;
	if (background) {
		const rect = doc.createElementNS(SVG_NS, 'rect');
		for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: background })) rect.setAttribute(k, v);
		root.prepend(rect);
	}
	root.setAttribute('width', String(width));
	root.setAttribute('height', String(height));
	root.setAttribute('viewBox', `0 0 ${width} ${height}`);
	root.setAttribute('font-family', FONT);
	root.setAttribute('color', colour);
	return { svg: root, width, height, colour };
}

/**
 * Standalone SVG text of a rendered Plot chart (the element `Plot.plot`
 * returned), legends included, with the page's text colour written in so it
 * reads the same outside the page.
 * @param background a solid background (exported files lose the page's)
 */
export function svgMarkup(figure: Element, background?: string): string {
	return serialise(compose(figure, background));
}

function serialise({ svg, colour }: Composed): string {
	let markup = new XMLSerializer().serializeToString(svg);
	// `currentColor` would resolve against the viewer's colour, often black on a dark chart.
	markup = markup.replaceAll('currentColor', colour);
	if (!/^<svg[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(markup)) markup = markup.replace('<svg', `<svg xmlns="${SVG_NS}"`);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${markup}`;
}

/** Saves the chart as an `.svg` file. */
export function downloadSvg(figure: Element, fileName: string, background?: string): void {
	downloadBlob(new Blob([svgMarkup(figure, background)], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const image = new Image();
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
		image.src = url;
	});
}

/**
 * Rasterises SVG text to a PNG at `scale` × its CSS size (2 = sharp on HiDPI screens).
 * @param background canvas fill behind the chart; transparent when omitted
 */
export async function svgToPngBlob(svgText: string, width: number, height: number, scale = 2, background?: string): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = await loadImage(url);
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(1, Math.round(width * scale));
		canvas.height = Math.max(1, Math.round(height * scale));
		const context = canvas.getContext('2d');
		if (!context) throw new Error('This browser cannot draw a PNG here (no 2D canvas).');
		if (background) {
			context.fillStyle = background;
			context.fillRect(0, 0, canvas.width, canvas.height);
		}
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be created.'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Saves the chart as a `.png` file on a solid `background`. */
export async function downloadPng(figure: Element, fileName: string, background: string): Promise<void> {
	const composed = compose(figure, background);
	const blob = await svgToPngBlob(serialise(composed), composed.width, composed.height, 2, background);
	downloadBlob(blob, fileName);
}
