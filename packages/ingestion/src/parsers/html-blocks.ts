import type { DocumentBlock } from '../document-model.ts';
import { type DomElement, type DomNode, isElement } from './dom-types.ts';
import {
  BLOCK_ELEMENTS,
  SKIPPED_ELEMENTS,
  inlineChildren,
  inlineMarkdown,
  isHidden,
  joinInline,
  tagOf,
} from './html-inline.ts';
import { tableGrid } from './html-table.ts';
import { markdownListItem, markdownTable } from './markdown-format.ts';

const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'menu', 'dir']);
const WRAPPERS = new Set(['div', 'section', 'span', 'p']);

function codeFence(code: string): string {
  return code.includes('```') ? '~~~~' : '```';
}

function codeLanguage(pre: DomElement): string {
  const code = pre.querySelector('code');
  const classes = `${pre.getAttribute('class') ?? ''} ${code?.getAttribute('class') ?? ''}`;
  return /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(classes)?.[1] ?? '';
}

/** Splits a list item into its own inline text and its nested lists. */
function itemParts(item: DomElement): { text: string; nested: DomElement[] } {
  const fragments: string[] = [];
  const nested: DomElement[] = [];
  const visit = (parent: DomElement): void => {
    for (const child of parent.childNodes) {
      if (!isElement(child) || isHidden(child)) {
        fragments.push(isElement(child) ? '' : inlineMarkdown(child));
      } else if (LIST_TAGS.has(tagOf(child))) {
        nested.push(child);
      } else if (WRAPPERS.has(tagOf(child)) && child.querySelector('ul, ol, dl') !== null) {
        // A list wrapped in divs (DITA-style) still nests under this item.
        fragments.push(' ');
        visit(child);
        fragments.push(' ');
      } else {
        fragments.push(inlineMarkdown(child));
      }
    }
  };
  visit(item);
  return { text: joinInline(fragments).replace(/\n/g, ' '), nested };
}

function listLines(list: DomElement, depth: number, lines: string[]): void {
  const tag = tagOf(list);
  if (tag === 'dl') {
    definitionLines(list, depth, lines);
    return;
  }
  const ordered = tag === 'ol';
  let number = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  if (!Number.isFinite(number)) {
    number = 1;
  }
  for (const item of list.children) {
    const itemTag = tagOf(item);
    if (LIST_TAGS.has(itemTag)) {
      listLines(item, depth + 1, lines);
      continue;
    }
    if (itemTag !== 'li' || isHidden(item)) {
      continue;
    }
    const value = Number.parseInt(item.getAttribute('value') ?? '', 10);
    if (ordered && Number.isFinite(value)) {
      number = value;
    }
    const { text, nested } = itemParts(item);
    if (text !== '') {
      lines.push(markdownListItem(text, ordered ? `${number}.` : '-', depth));
    }
    number += 1;
    for (const child of nested) {
      listLines(child, depth + 1, lines);
    }
  }
}

function definitionLines(list: DomElement, depth: number, lines: string[]): void {
  for (const child of list.children) {
    const tag = tagOf(child);
    if (isHidden(child)) {
      continue;
    }
    if (tag === 'div') {
      definitionLines(child, depth, lines);
    } else if (tag === 'dt') {
      const term = joinInline([inlineChildren(child, true)]).replace(/\n/g, ' ');
      if (term !== '') {
        lines.push(markdownListItem(`**${term}**`, '-', depth));
      }
    } else if (tag === 'dd') {
      const { text, nested } = itemParts(child);
      if (text !== '') {
        lines.push(markdownListItem(text, '-', depth + 1));
      }
      for (const inner of nested) {
        listLines(inner, depth + 1, lines);
      }
    }
  }
}

/** Walks an HTML tree and emits Markdown blocks. */
class HtmlBlockWriter {
  readonly blocks: DocumentBlock[] = [];
  private inline: string[] = [];

  walkChildren(element: DomElement): void {
    for (const child of element.childNodes) {
      this.walk(child);
    }
  }

  walk(node: DomNode): void {
    if (!isElement(node)) {
      this.inline.push(inlineMarkdown(node));
      return;
    }
    const tag = tagOf(node);
    if (SKIPPED_ELEMENTS.has(tag) || isHidden(node)) {
      return;
    }
    if (/^h[1-6]$/.test(tag)) {
      this.flush();
      const text = joinInline([inlineChildren(node, true)]).replace(/\n/g, ' ');
      this.push({ kind: 'heading', text, level: Number(tag.slice(1)) });
    } else if (LIST_TAGS.has(tag)) {
      this.flush();
      const lines: string[] = [];
      listLines(node, 0, lines);
      this.push({ kind: 'list', text: lines.join('\n') });
    } else if (tag === 'table') {
      this.flush();
      this.table(node);
    } else if (tag === 'pre') {
      this.flush();
      const code = (node.textContent ?? '').replace(/^\n/, '').replace(/\s+$/, '');
      const fence = codeFence(code);
      this.push({ kind: 'code', text: `${fence}${codeLanguage(node)}\n${code}\n${fence}` });
    } else if (tag === 'blockquote') {
      this.flush();
      const inner = htmlToBlocks(node);
      const text = inner.map((block) => block.text).join('\n\n');
      this.push({ kind: 'quote', text: text.replace(/^/gm, '> ') });
    } else if (tag === 'hr') {
      this.flush();
    } else if (BLOCK_ELEMENTS.has(tag)) {
      this.flush();
      this.walkChildren(node);
      this.flush();
    } else {
      this.inline.push(inlineMarkdown(node));
    }
  }

  flush(): void {
    const text = joinInline(this.inline);
    this.inline = [];
    this.push({ kind: 'paragraph', text });
  }

  private table(table: DomElement): void {
    const caption = [...table.children].find((child) => tagOf(child) === 'caption');
    if (caption !== undefined) {
      this.push({ kind: 'paragraph', text: joinInline([inlineChildren(caption)]) });
    }
    const grid = tableGrid(table, (cell) => joinInline([inlineChildren(cell)]));
    const single = grid.length === 1 && grid[0]?.length === 1;
    if (single || table.getAttribute('role') === 'presentation') {
      // A layout table: its cells are ordinary content.
      for (const cell of table.querySelectorAll('td, th')) {
        if (cell.parentNode !== null && !cell.querySelector('td, th')) {
          this.walkChildren(cell);
          this.flush();
        }
      }
      return;
    }
    this.push({ kind: 'table', text: markdownTable(grid) });
  }

  private push(block: DocumentBlock): void {
    if (block.text.trim() !== '') {
      this.blocks.push(block);
    }
  }
}

/**
 * The Markdown blocks of an HTML subtree: headings with their level, paragraphs with inline
 * emphasis, code and absolute links, nested lists (definition lists as term/description lists),
 * tables with their first row as header and spanned cells repeated, fenced code, block quotes.
 * Scripts, styles, forms controls and hidden elements are skipped; images contribute their alt text.
 */
export function htmlToBlocks(root: DomElement): DocumentBlock[] {
  const writer = new HtmlBlockWriter();
  writer.walkChildren(root);
  writer.flush();
  return writer.blocks;
}
