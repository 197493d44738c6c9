import type { ZipArchive } from './zip-archive.ts';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and the five predefined entities decoded. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) {
      return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The `dc:title` of an OOXML package's core properties (`docProps/core.xml`), when set. */
export function readCoreTitle(archive: ZipArchive): string | undefined {
  const core = archive.readText('docProps/core.xml');
  const raw = core === undefined ? undefined : /<dc:title>([\s\S]*?)<\/dc:title>/.exec(core)?.[1];
  const title = raw === undefined ? '' : decodeXmlEntities(raw).trim();
  return title === '' ? undefined : title;
}
