/** What a parser sees in a file, decided from its content. */
export type FileKind =
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'csv'
  | 'html'
  | 'markdown'
  | 'text'
  | 'json'
  | 'image'
  | 'audio'
  | 'video'
  | 'unknown';

/** The result of `detectFileType`: a MIME type and the parser family it selects. */
export interface DetectedFileType {
  mimeType: string;
  kind: FileKind;
}
