/**
 * The in-memory semantics behind {@link startFakeQdrant}: payload filters, cosine and IDF-weighted
 * sparse scoring, and reciprocal rank fusion, as the Qdrant documentation describes them. It covers
 * only what the Qdrant store uses; it is a test double, not a Qdrant.
 */

/** Loosely typed JSON as the fake receives it. */
export type Json = Record<string, unknown>;

/** A stored point. Dense vectors are normalised on write, as Qdrant does for cosine distance. */
export interface FakePoint {
  id: string | number;
  vectors: Record<string, number[] | { indices: number[]; values: number[] }>;
  payload: Json;
}

/** One scored result. */
export interface FakeHit {
  point: FakePoint;
  score: number;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matchesValue(payloadValue: unknown, match: Json): boolean {
  const values = Array.isArray(payloadValue) ? payloadValue : [payloadValue];
  if ('value' in match) {
    return values.some((value) => value === match.value);
  }
  if ('any' in match) {
    const any = asArray(match.any);
    return values.some((value) => any.includes(value));
  }
  if ('except' in match) {
    const except = asArray(match.except);
    return values.every((value) => !except.includes(value));
  }
  throw new Error(`fake qdrant: unsupported match ${JSON.stringify(match)}`);
}

function inRange(payloadValue: unknown, range: Json): boolean {
  if (typeof payloadValue !== 'number') {
    return false;
  }
  const bound = (name: string) => (typeof range[name] === 'number' ? range[name] : undefined);
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  return (
    (gt === undefined || payloadValue > gt) &&
    (gte === undefined || payloadValue >= gte) &&
    (lt === undefined || payloadValue < lt) &&
    (lte === undefined || payloadValue <= lte)
  );
}

function matchesCondition(point: FakePoint, condition: unknown): boolean {
  if (!isJson(condition)) {
    throw new Error(`fake qdrant: bad condition ${JSON.stringify(condition)}`);
  }
  if ('has_id' in condition) {
    return asArray(condition.has_id).includes(point.id);
  }
  if ('is_empty' in condition && isJson(condition.is_empty)) {
    const value = point.payload[String(condition.is_empty.key)];
    return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
  }
  if ('key' in condition) {
    const value = point.payload[String(condition.key)];
    if (isJson(condition.match)) {
      return matchesValue(value, condition.match);
    }
    if (isJson(condition.range)) {
      return inRange(value, condition.range);
    }
    throw new Error(`fake qdrant: unsupported field condition ${JSON.stringify(condition)}`);
  }
  return matchesFilter(point, condition);
}

/** Qdrant filter semantics: every `must`, at least one `should` (when given), no `must_not`. */
export function matchesFilter(point: FakePoint, filter: unknown): boolean {
  if (filter === undefined || filter === null) {
    return true;
  }
  if (!isJson(filter)) {
    throw new Error(`fake qdrant: bad filter ${JSON.stringify(filter)}`);
  }
  const must = asArray(filter.must);
  const should = asArray(filter.should);
  const mustNot = asArray(filter.must_not);
  return (
    must.every((condition) => matchesCondition(point, condition)) &&
    (should.length === 0 || should.some((condition) => matchesCondition(point, condition))) &&
    mustNot.every((condition) => !matchesCondition(point, condition))
  );
}

/** Unit length (cosine collections store normalised vectors). */
export function normalizeVector(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? [...vector] : vector.map((value) => value / norm);
}

function denseHits(points: readonly FakePoint[], using: string, query: number[]): FakeHit[] {
  const normalized = normalizeVector(query);
  const hits: FakeHit[] = [];
  for (const point of points) {
    const stored = point.vectors[using];
    if (Array.isArray(stored)) {
      hits.push({
        point,
        score: stored.reduce((sum, value, index) => sum + value * (normalized[index] ?? 0), 0),
      });
    }
  }
  return hits;
}

/** Sparse dot product with Qdrant's IDF modifier: idf = ln((N − n + 0.5) / (n + 0.5) + 1). */
function sparseHits(
  points: readonly FakePoint[],
  using: string,
  query: { indices: number[]; values: number[] },
): FakeHit[] {
  const withVector = points.flatMap((point) => {
    const stored = point.vectors[using];
    return stored !== undefined && !Array.isArray(stored) ? [{ point, stored }] : [];
  });
  const idf = new Map<number, number>();
  for (const index of query.indices) {
    const containing = withVector.filter(({ stored }) => stored.indices.includes(index)).length;
    idf.set(index, Math.log((withVector.length - containing + 0.5) / (containing + 0.5) + 1));
  }
  const hits: FakeHit[] = [];
  for (const { point, stored } of withVector) {
    let score = 0;
    let overlaps = 0;
    for (const [position, index] of query.indices.entries()) {
      const at = stored.indices.indexOf(index);
      if (at >= 0) {
        overlaps += 1;
        score += (query.values[position] ?? 0) * (idf.get(index) ?? 0) * (stored.values[at] ?? 0);
      }
    }
    if (overlaps > 0) {
      hits.push({ point, score });
    }
  }
  return hits;
}

function byScore(left: FakeHit, right: FakeHit): number {
  return right.score - left.score || String(left.point.id).localeCompare(String(right.point.id));
}

/** One nearest-neighbour stage (dense vector or sparse `{ indices, values }`), filtered and limited. */
export function runStage(points: readonly FakePoint[], stage: Json): FakeHit[] {
  const using = typeof stage.using === 'string' ? stage.using : '';
  const limit = typeof stage.limit === 'number' ? stage.limit : 10;
  const candidates = points.filter((point) => matchesFilter(point, stage.filter));
  const query = isJson(stage.query) && 'nearest' in stage.query ? stage.query.nearest : stage.query;
  let hits: FakeHit[];
  if (Array.isArray(query)) {
    hits = denseHits(candidates, using, query.map(Number));
  } else if (isJson(query) && Array.isArray(query.indices) && Array.isArray(query.values)) {
    hits = sparseHits(candidates, using, {
      indices: query.indices.map(Number),
      values: query.values.map(Number),
    });
  } else {
    throw new Error(`fake qdrant: unsupported query ${JSON.stringify(stage.query)}`);
  }
  return hits.sort(byScore).slice(0, limit);
}

/** A query with prefetches fused by RRF (`{ rrf: { k } }` or `{ fusion: 'rrf' }`, k defaulting to 2). */
export function runQuery(points: readonly FakePoint[], body: Json): FakeHit[] {
  const prefetches = asArray(body.prefetch).filter(isJson);
  if (prefetches.length === 0) {
    return runStage(points, body);
  }
  const query = isJson(body.query) ? body.query : {};
  const rrf = isJson(query.rrf) ? query.rrf : query.fusion === 'rrf' ? {} : undefined;
  if (rrf === undefined) {
    throw new Error(`fake qdrant: unsupported fusion ${JSON.stringify(body.query)}`);
  }
  const k = typeof rrf.k === 'number' ? rrf.k : 2;
  const fused = new Map<string | number, FakeHit>();
  for (const prefetch of prefetches) {
    runStage(points, prefetch).forEach((hit, rank) => {
      const entry = fused.get(hit.point.id) ?? { point: hit.point, score: 0 };
      entry.score += 1 / (k + rank + 1);
      fused.set(hit.point.id, entry);
    });
  }
  const limit = typeof body.limit === 'number' ? body.limit : 10;
  return [...fused.values()]
    .filter((hit) => matchesFilter(hit.point, body.filter))
    .sort(byScore)
    .slice(0, limit);
}
