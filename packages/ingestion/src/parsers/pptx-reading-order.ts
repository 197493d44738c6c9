import { type DomElement, localName, parseXmlDocument } from './dom-types.ts';
import { isRelationshipType, readRelationships, type Relationship } from './ooxml-relationships.ts';
import { attributeNamed, childNamed, descendantsNamed, path } from './xml-query.ts';
import type { ZipArchive } from './zip-archive.ts';

/** The top-left corner and height of a shape, in EMU of its container's coordinate space. */
export interface ShapeOffset {
  x: number;
  y: number;
  /** 0 when the shape does not say. */
  height: number;
}

/** Where a placeholder without its own `a:xfrm` is drawn: from the layout, else the master. */
export type PlaceholderOffsets = (placeholder: DomElement) => ShapeOffset | undefined;

/** The positions of one layout's or master's placeholders, by `idx` and by `type`. */
interface PlaceholderTable {
  byIndex: Map<string, ShapeOffset>;
  byType: Map<string, ShapeOffset>;
  master?: string;
}

function offsetOfTransform(transform: DomElement | undefined): ShapeOffset | undefined {
  const offset = transform === undefined ? undefined : childNamed(transform, 'off');
  const x = Number(offset === undefined ? Number.NaN : attributeNamed(offset, 'x'));
  const y = Number(offset === undefined ? Number.NaN : attributeNamed(offset, 'y'));
  const extent = transform === undefined ? undefined : childNamed(transform, 'ext');
  const height = Number(extent === undefined ? 0 : (attributeNamed(extent, 'cy') ?? 0));
  return Number.isFinite(x) && Number.isFinite(y)
    ? { x, y, height: Number.isFinite(height) && height > 0 ? height : 0 }
    : undefined;
}

/** The shape's own position (`p:spPr/a:xfrm`, `p:xfrm` of a frame, `p:grpSpPr/a:xfrm` of a group). */
function ownOffset(shape: DomElement): ShapeOffset | undefined {
  if (localName(shape) === 'AlternateContent') {
    const branch = childNamed(shape, 'Choice') ?? childNamed(shape, 'Fallback');
    const inner = branch === undefined ? undefined : branch.children[0];
    return inner === undefined ? undefined : ownOffset(inner);
  }
  return offsetOfTransform(
    path(shape, 'spPr', 'xfrm') ?? childNamed(shape, 'xfrm') ?? path(shape, 'grpSpPr', 'xfrm'),
  );
}

/** `p:ph` of a shape (`p:sp`, `p:pic` or `p:graphicFrame`), if it is a placeholder. */
function placeholderOf(shape: DomElement): DomElement | undefined {
  for (const properties of ['nvSpPr', 'nvPicPr', 'nvGraphicFramePr']) {
    const placeholder = path(shape, properties, 'nvPr', 'ph');
    if (placeholder !== undefined) {
      return placeholder;
    }
  }
  return undefined;
}

function readTable(archive: ZipArchive, part: string): PlaceholderTable {
  const table: PlaceholderTable = { byIndex: new Map(), byType: new Map() };
  const xml = archive.readText(part);
  const root = xml === undefined ? null : parseXmlDocument(xml).documentElement;
  const tree = root === null ? undefined : path(root, 'cSld', 'spTree');
  for (const shape of tree === undefined ? [] : descendantsNamed(tree, 'sp')) {
    const placeholder = placeholderOf(shape);
    const offset = ownOffset(shape);
    if (placeholder === undefined || offset === undefined) {
      continue;
    }
    const index = attributeNamed(placeholder, 'idx');
    if (index !== undefined && !table.byIndex.has(index)) {
      table.byIndex.set(index, offset);
    }
    const type = attributeNamed(placeholder, 'type') ?? 'body';
    if (!table.byType.has(type)) {
      table.byType.set(type, offset);
    }
  }
  table.master = [...readRelationships(archive, part).values()].find(
    (relationship) => isRelationshipType(relationship, 'slideMaster') && !relationship.external,
  )?.target;
  return table;
}

/**
 * Placeholder positions of a presentation's layouts and masters, read once per part. A slide
 * placeholder without its own position takes that of the layout placeholder with the same `idx`
 * (else the same type), else that of the master placeholder of the same type.
 */
export function createPlaceholderPositions(archive: ZipArchive) {
  const tables = new Map<string, PlaceholderTable>();
  const tableOf = (part: string): PlaceholderTable => {
    let table = tables.get(part);
    if (table === undefined) {
      table = readTable(archive, part);
      tables.set(part, table);
    }
    return table;
  };
  return {
    /** The lookup for the slide whose relationships are `relationships`. */
    forSlide(relationships: ReadonlyMap<string, Relationship>): PlaceholderOffsets {
      const layoutPart = [...relationships.values()].find(
        (relationship) => isRelationshipType(relationship, 'slideLayout') && !relationship.external,
      )?.target;
      return (placeholder) => {
        if (layoutPart === undefined) {
          return undefined;
        }
        const layout = tableOf(layoutPart);
        const index = attributeNamed(placeholder, 'idx');
        const type = attributeNamed(placeholder, 'type') ?? 'body';
        const fromLayout =
          (index === undefined ? undefined : layout.byIndex.get(index)) ?? layout.byType.get(type);
        if (fromLayout !== undefined || layout.master === undefined) {
          return fromLayout;
        }
        return tableOf(layout.master).byType.get(type);
      };
    },
  };
}

/**
 * `shapes` in reading order, by their top-left corners (a placeholder's inherited one when it has
 * none of its own): rows top to bottom, each row left to right. A shape joins the current row when
 * its top is above the middle of the row's first shape, so boxes side by side whose tops differ a
 * little still read left to right. A shape whose position cannot be found keeps its place after the
 * shape before it in the tree (z-order); ties keep z-order too.
 */
export function inReadingOrder(shapes: readonly DomElement[], inherited?: PlaceholderOffsets): DomElement[] {
  let previous: ShapeOffset = { x: Number.NEGATIVE_INFINITY, y: Number.NEGATIVE_INFINITY, height: 0 };
  const placed = shapes.map((shape, order) => {
    const placeholder = placeholderOf(shape);
    const offset =
      ownOffset(shape) ??
      (placeholder === undefined || inherited === undefined ? undefined : inherited(placeholder));
    previous = offset ?? previous;
    return { shape, order, offset: previous };
  });
  const byOrder = (left: (typeof placed)[number], right: (typeof placed)[number]) => left.order - right.order;
  placed.sort((left, right) => left.offset.y - right.offset.y || byOrder(left, right));
  const ordered: DomElement[] = [];
  let row: typeof placed = [];
  let rowEnd = Number.NEGATIVE_INFINITY;
  const flush = () => {
    row.sort((left, right) => left.offset.x - right.offset.x || byOrder(left, right));
    ordered.push(...row.map((item) => item.shape));
    row = [];
  };
  for (const item of placed) {
    if (row.length > 0 && !(item.offset.y < rowEnd)) {
      flush();
    }
    if (row.length === 0) {
      rowEnd = item.offset.y + item.offset.height / 2;
    }
    row.push(item);
  }
  flush();
  return ordered;
}
