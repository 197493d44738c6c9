/**
 * A seeded synthetic corpus for benchmarks: clustered unit vectors (Gaussian clusters, as real
 * embeddings look) with matching text, so dense, lexical and hybrid search all have something to find.
 */

/** A deterministic PRNG (mulberry32) returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal sample (Box–Muller). */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function unit(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return vector.map((value) => value / norm);
}

/** Options of {@link createSyntheticCorpus}. */
export interface SyntheticCorpusOptions {
  dimension: number;
  clusters: number;
  /** Norm of the noise added to a cluster centre, relative to the (unit) centre. */
  noise: number;
  seed: number;
}

/** Cluster centres plus generators for chunk vectors, chunk text and queries near a cluster. */
export interface SyntheticCorpus {
  readonly dimension: number;
  readonly clusters: number;
  /** A unit vector near centre `cluster`. */
  vectorNear(cluster: number): number[];
  /** ~`words` words: common filler plus the cluster's topic words. */
  textFor(cluster: number, words: number): string;
  /** Two of the cluster's topic words (a keyword query). */
  queryText(cluster: number): string;
  /** A random cluster index. */
  randomCluster(): number;
}

const fillerWords = Array.from({ length: 2000 }, (_, index) => `filler${index.toString(36)}`);

/** Builds a corpus of `clusters` Gaussian clusters in `dimension` dimensions. */
export function createSyntheticCorpus(options: SyntheticCorpusOptions): SyntheticCorpus {
  const random = seededRandom(options.seed);
  const centres = Array.from({ length: options.clusters }, () =>
    unit(Array.from({ length: options.dimension }, () => gaussian(random))),
  );
  const scale = options.noise / Math.sqrt(options.dimension);
  const topicWord = (cluster: number, slot: number) => `topic${cluster.toString(36)}x${slot}`;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  return {
    dimension: options.dimension,
    clusters: options.clusters,
    vectorNear(cluster) {
      const centre = centres[cluster] ?? [];
      return unit(centre.map((value) => value + gaussian(random) * scale));
    },
    textFor(cluster, words) {
      const text: string[] = [];
      for (let index = 0; index < words; index += 1) {
        text.push(random() < 0.1 ? topicWord(cluster, Math.floor(random() * 5)) : pick(fillerWords));
      }
      return text.join(' ');
    },
    queryText(cluster) {
      return `${topicWord(cluster, Math.floor(random() * 5))} ${topicWord(cluster, Math.floor(random() * 5))}`;
    },
    randomCluster() {
      return Math.floor(random() * options.clusters);
    },
  };
}
