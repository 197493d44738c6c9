import type { Route } from '../shell/router';
import { DocumentDetail } from './DocumentDetail';
import { DocumentList } from './DocumentList';
import { UploadZone } from './UploadZone';
import { UrlIngest } from './UrlIngest';

/** LocalDocs: upload and ingest, the list, and one document's detail at /documents/:id. */
export default function DocumentsScreen({ route }: { route: Route }) {
  const id = /^\/documents\/([0-9a-f-]{36})$/i.exec(route.path)?.[1];
  return (
    <main className="page" id="main">
      <h1>Documents</h1>
      {id ? (
        <DocumentDetail id={id} chunkId={route.query.get('chunk')} page={route.query.get('page')} />
      ) : (
        <>
          <UploadZone />
          <UrlIngest />
          <DocumentList />
        </>
      )}
    </main>
  );
}
