import JSZip from 'jszip';

const DRAWING_PART = /^xl\/(?:drawings\/(?:_rels\/)?drawing\d*\.xml(?:\.rels)?|charts\/.*)$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/[^/]+\.rels$/;
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * A copy of an XLSX without its DrawingML drawings and charts (shapes, pictures, chart parts and
 * the sheet references to them), stored uncompressed. exceljs crashes on some valid drawings (a
 * one-cell anchor without a picture); cells, comments and everything else are kept. Only call it
 * on an archive already checked by `openZipArchive`.
 */
export async function withoutDrawings(bytes: Uint8Array): Promise<ArrayBuffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (DRAWING_PART.test(name)) {
      zip.remove(name);
    } else if (SHEET_RELS.test(name)) {
      const xml = await zip.file(name)?.async('string');
      if (xml !== undefined) {
        zip.file(name, xml.replace(/<Relationship\b[^>]*\/relationships\/drawing"[^>]*\/>/g, ''));
      }
    } else if (SHEET.test(name)) {
      const xml = await zip.file(name)?.async('string');
      if (xml !== undefined) {
        zip.file(name, xml.replace(/<drawing\b[^>]*\/>/g, ''));
      }
    }
  }
  return zip.generateAsync({ type: 'arraybuffer', compression: 'STORE' });
}
