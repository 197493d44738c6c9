import type { DocumentBlock } from '../document-model.ts';
import { type DomElement, localName, parseXmlDocument } from './dom-types.ts';
import { drawingBlocks, drawingParagraphs, drawingText } from './drawingml-text.ts';
import { markdownTable } from './markdown-format.ts';
import { chartBlocks } from './ooxml-chart.ts';
import type { Relationship } from './ooxml-relationships.ts';
import { inReadingOrder, type PlaceholderOffsets } from './pptx-reading-order.ts';
import {
  attributeNamed,
  childNamed,
  childrenNamed,
  descendantsNamed,
  path,
  prefixedAttribute,
} from './xml-query.ts';
import type { ZipArchive } from './zip-archive.ts';

/** Placeholders that repeat on every slide and carry no content. */
const FURNITURE = new Set(['sldNum', 'dt', 'ftr', 'hdr', 'sldImg']);
const TITLES = new Set(['title', 'ctrTitle']);

/** What the shapes of one slide (or notes page) yield. */
export interface SlideContent {
  /** The text of the title placeholder, when the slide has one. */
  title?: string;
  blocks: DocumentBlock[];
}

/** Where shape parts (charts, diagrams) are looked up. */
export interface ShapeSources {
  archive: ZipArchive;
  relationships: ReadonlyMap<string, Relationship>;
  /** Positions of placeholders that inherit theirs from the layout or master (reading order). */
  placeholderOffsets?: PlaceholderOffsets;
}

function tableBlock(table: DomElement): DocumentBlock {
  const grid: string[][] = [];
  childrenNamed(table, 'tr').forEach((row, rowIndex) => {
    const cells: string[] = [];
    childrenNamed(row, 'tc').forEach((cell, column) => {
      const body = childNamed(cell, 'txBody');
      let text = body === undefined ? '' : drawingText(body).replace(/\n/g, ' ');
      if (attributeNamed(cell, 'hMerge') === '1') {
        text = cells[column - 1] ?? '';
      } else if (attributeNamed(cell, 'vMerge') === '1') {
        text = grid[rowIndex - 1]?.[column] ?? '';
      }
      cells.push(text);
    });
    grid.push(cells);
  });
  return { kind: 'table', text: markdownTable(grid) };
}

function diagramBlocks(relationshipIds: DomElement, sources: ShapeSources): DocumentBlock[] {
  const data = sources.relationships.get(prefixedAttribute(relationshipIds, 'dm') ?? '');
  const xml = data === undefined ? undefined : sources.archive.readText(data.target);
  const root = xml === undefined ? null : parseXmlDocument(xml).documentElement;
  if (root === null) {
    return [];
  }
  const items = descendantsNamed(root, 'pt')
    .map((point) => {
      const body = childNamed(point, 't');
      return body === undefined ? '' : drawingText(body).replace(/\n/g, ' ');
    })
    .filter((text) => text !== '');
  return items.length === 0 ? [] : [{ kind: 'list', text: items.map((item) => `- ${item}`).join('\n') }];
}

function graphicFrameBlocks(frame: DomElement, sources: ShapeSources): DocumentBlock[] {
  const data = path(frame, 'graphic', 'graphicData');
  if (data === undefined) {
    return [];
  }
  const table = childNamed(data, 'tbl');
  if (table !== undefined) {
    return [tableBlock(table)];
  }
  const chart = childNamed(data, 'chart');
  if (chart !== undefined) {
    const part = sources.relationships.get(prefixedAttribute(chart, 'id') ?? '');
    const xml = part === undefined || part.external ? undefined : sources.archive.readText(part.target);
    return xml === undefined ? [] : chartBlocks(xml);
  }
  const diagram = childNamed(data, 'relIds');
  return diagram === undefined ? [] : diagramBlocks(diagram, sources);
}

function visitShapes(container: DomElement, sources: ShapeSources, content: SlideContent): void {
  for (const shape of inReadingOrder([...container.children], sources.placeholderOffsets)) {
    switch (localName(shape)) {
      case 'sp': {
        const placeholder = path(shape, 'nvSpPr', 'nvPr', 'ph');
        const type = placeholder === undefined ? undefined : (attributeNamed(placeholder, 'type') ?? 'body');
        const body = childNamed(shape, 'txBody');
        if (body === undefined || (type !== undefined && FURNITURE.has(type))) {
          break;
        }
        if (type !== undefined && TITLES.has(type) && content.title === undefined) {
          content.title = drawingText(body).replace(/\n/g, ' ');
          break;
        }
        const bulleted = type === 'body' || type === 'obj';
        content.blocks.push(...drawingBlocks(drawingParagraphs(body), bulleted));
        break;
      }
      case 'grpSp':
        visitShapes(shape, sources, content);
        break;
      case 'graphicFrame':
        content.blocks.push(...graphicFrameBlocks(shape, sources));
        break;
      case 'AlternateContent': {
        const choice = childNamed(shape, 'Choice') ?? childNamed(shape, 'Fallback');
        if (choice !== undefined) {
          visitShapes(choice, sources, content);
        }
        break;
      }
      default:
        break;
    }
  }
}

/**
 * The content of a slide-like part (`p:sld`, `p:notes`): the title placeholder's text, and the
 * blocks of its other shapes in reading order (top to bottom, then left to right; inside a group
 * too): text frames, groups, tables, charts, SmartArt. Slide number, date, footer and slide-image
 * placeholders are skipped.
 */
export function slideContent(xml: string, sources: ShapeSources): SlideContent {
  const root = parseXmlDocument(xml).documentElement;
  const tree = root === null ? undefined : path(root, 'cSld', 'spTree');
  const content: SlideContent = { blocks: [] };
  if (tree !== undefined) {
    visitShapes(tree, sources, content);
  }
  return content;
}
