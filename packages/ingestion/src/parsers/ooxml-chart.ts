import type { DocumentBlock } from '../document-model.ts';
import { type DomElement, localName, parseXmlDocument } from './dom-types.ts';
import { drawingText } from './drawingml-text.ts';
import { markdownTable } from './markdown-format.ts';
import { attributeNamed, childNamed, descendantsNamed, path } from './xml-query.ts';

/** The cached points of a `c:strRef`/`c:numRef`/`c:strLit`/`c:numLit`… under `parent`, by index. */
function cachedPoints(parent: DomElement | undefined): string[] {
  if (parent === undefined) {
    return [];
  }
  const points: (string | undefined)[] = [];
  for (const point of descendantsNamed(parent, 'pt')) {
    const index = Number(attributeNamed(point, 'idx') ?? points.length);
    const value = (childNamed(point, 'v')?.textContent ?? '').trim();
    if (Number.isInteger(index) && index >= 0 && index < 100_000) {
      // Cached numbers are stored with binary noise (4.4000000000000004): show 15 significant digits.
      points[index] = /^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i.test(value)
        ? String(Number(Number(value).toPrecision(15)))
        : value;
    }
  }
  return Array.from(points, (value) => value ?? '');
}

function seriesName(series: DomElement, position: number): string {
  const text = childNamed(series, 'tx');
  const cached = cachedPoints(text)[0];
  if (cached !== undefined && cached !== '') {
    return cached;
  }
  const literal = text === undefined ? undefined : childNamed(text, 'v')?.textContent?.trim();
  return literal !== undefined && literal !== '' ? literal : `Series ${position + 1}`;
}

/** Plot elements of `c:plotArea` and the kind of chart each draws (3-D variants read as 2-D). */
const CHART_KINDS: Readonly<Record<string, string>> = {
  areaChart: 'area',
  area3DChart: 'area',
  barChart: 'bar',
  bar3DChart: 'bar',
  bubbleChart: 'bubble',
  doughnutChart: 'doughnut',
  lineChart: 'line',
  line3DChart: 'line',
  ofPieChart: 'pie',
  pieChart: 'pie',
  pie3DChart: 'pie',
  radarChart: 'radar',
  scatterChart: 'scatter',
  stockChart: 'stock',
  surfaceChart: 'surface',
  surface3DChart: 'surface',
};

/** "Bar chart", "Bar and line chart", or "Chart" when the plot area names no known kind. */
function chartCaption(chart: DomElement): string {
  const plotArea = childNamed(chart, 'plotArea');
  const kinds = [
    ...new Set(
      (plotArea === undefined ? [] : Array.from(plotArea.children))
        .map((element) => CHART_KINDS[localName(element)])
        .filter((kind): kind is string => kind !== undefined),
    ),
  ];
  if (kinds.length === 0) {
    return 'Chart';
  }
  const text = `${kinds.join(' and ')} chart`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/**
 * The blocks of a DrawingML chart part (`c:chartSpace`): a caption naming the kind of chart and its
 * title ("Bar chart: Sales by region"; "Bar chart" without a title) as a paragraph, then its cached
 * data as a table (categories down the first column, one column per series). A chart with no
 * cached data yields only its caption.
 */
export function chartBlocks(xml: string): DocumentBlock[] {
  const root = parseXmlDocument(xml).documentElement;
  const chart = root === null ? undefined : childNamed(root, 'chart');
  if (chart === undefined) {
    return [];
  }
  const blocks: DocumentBlock[] = [];
  const titleBody = path(chart, 'title', 'tx', 'rich');
  const title = titleBody === undefined ? '' : drawingText(titleBody).replace(/\n/g, ' ');
  const caption = chartCaption(chart);
  blocks.push({ kind: 'paragraph', text: title === '' ? caption : `${caption}: ${title}` });
  const series = descendantsNamed(chart, 'ser').filter(
    (element) => localName(element.parentNode as DomElement) !== 'ser',
  );
  if (series.length === 0) {
    return blocks;
  }
  const categories = cachedPoints(
    childNamed(series[0] as DomElement, 'cat') ?? childNamed(series[0] as DomElement, 'xVal'),
  );
  const columns = series.map((element) =>
    cachedPoints(childNamed(element, 'val') ?? childNamed(element, 'yVal')),
  );
  const length = Math.max(categories.length, ...columns.map((column) => column.length));
  if (length === 0) {
    return blocks;
  }
  const header = ['', ...series.map((element, index) => seriesName(element, index))];
  const rows = Array.from({ length }, (_, index) => [
    categories[index] ?? String(index + 1),
    ...columns.map((column) => column[index] ?? ''),
  ]);
  blocks.push({ kind: 'table', text: markdownTable([header, ...rows]) });
  return blocks;
}
