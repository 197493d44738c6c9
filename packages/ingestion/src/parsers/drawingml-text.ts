import type { DocumentBlock } from '../document-model.ts';
import type { DomElement } from './dom-types.ts';
import { markdownListItem } from './markdown-format.ts';
import { attributeNamed, childNamed, childrenNamed, descendantsNamed } from './xml-query.ts';

/** How a DrawingML paragraph is bulleted. */
export type BulletStyle = 'none' | 'bullet' | 'number' | 'inherited';

/** One `a:p` of a text body. */
export interface DrawingParagraph {
  text: string;
  /** Outline level, 0-based (`a:pPr/@lvl`). */
  level: number;
  bullet: BulletStyle;
  /** First number of an auto-numbered list (`a:buAutoNum/@startAt`). */
  startAt: number;
}

function runText(paragraph: DomElement): string {
  let text = '';
  for (const child of paragraph.children) {
    const name = child.tagName.slice(child.tagName.indexOf(':') + 1);
    if (name === 'r' || name === 'fld') {
      text += childNamed(child, 't')?.textContent ?? '';
    } else if (name === 'br') {
      text += '\n';
    } else if (name !== 'pPr' && name !== 'endParaRPr') {
      // Math, smart tags and other wrappers: keep whatever text they hold.
      text += descendantsNamed(child, 't')
        .map((element) => element.textContent ?? '')
        .join('');
    }
  }
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function bulletOf(properties: DomElement | undefined): Pick<DrawingParagraph, 'bullet' | 'startAt'> {
  if (properties === undefined) {
    return { bullet: 'inherited', startAt: 1 };
  }
  if (childNamed(properties, 'buNone') !== undefined) {
    return { bullet: 'none', startAt: 1 };
  }
  const numbered = childNamed(properties, 'buAutoNum');
  if (numbered !== undefined) {
    return { bullet: 'number', startAt: Number(attributeNamed(numbered, 'startAt') ?? '1') || 1 };
  }
  if (childNamed(properties, 'buChar') !== undefined || childNamed(properties, 'buBlip') !== undefined) {
    return { bullet: 'bullet', startAt: 1 };
  }
  return { bullet: 'inherited', startAt: 1 };
}

/** The paragraphs of a DrawingML text body (`p:txBody`, `a:txBody`, `c:rich`). */
export function drawingParagraphs(textBody: DomElement): DrawingParagraph[] {
  return childrenNamed(textBody, 'p').map((paragraph) => {
    const properties = childNamed(paragraph, 'pPr');
    const level = Number(properties === undefined ? 0 : (attributeNamed(properties, 'lvl') ?? 0)) || 0;
    return { text: runText(paragraph), level, ...bulletOf(properties) };
  });
}

/** All the text of a text body on one line per paragraph. */
export function drawingText(textBody: DomElement): string {
  return drawingParagraphs(textBody)
    .map((paragraph) => paragraph.text)
    .filter((text) => text !== '')
    .join('\n');
}

/**
 * The blocks of a shape's paragraphs: bulleted or numbered paragraphs (and, in a body placeholder,
 * those inheriting the master's bullets) become list items grouped into one list block; the others
 * become paragraphs.
 */
export function drawingBlocks(
  paragraphs: readonly DrawingParagraph[],
  bulletsByDefault: boolean,
): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let items: string[] = [];
  const counters: number[] = [];
  const flushList = (): void => {
    if (items.length > 0) {
      blocks.push({ kind: 'list', text: items.join('\n') });
    }
    items = [];
    counters.length = 0;
  };
  for (const paragraph of paragraphs) {
    if (paragraph.text === '') {
      continue;
    }
    const listed =
      paragraph.bullet === 'bullet' ||
      paragraph.bullet === 'number' ||
      (paragraph.bullet === 'inherited' && bulletsByDefault);
    if (!listed) {
      flushList();
      blocks.push({ kind: 'paragraph', text: paragraph.text });
      continue;
    }
    counters.length = Math.min(counters.length, paragraph.level + 1);
    const number = (counters[paragraph.level] ?? paragraph.startAt - 1) + 1;
    counters[paragraph.level] = number;
    const marker = paragraph.bullet === 'number' ? `${number}.` : '-';
    items.push(markdownListItem(paragraph.text, marker, paragraph.level));
  }
  flushList();
  return blocks;
}
