// A synthetic reader corpus of any size for `npm run bench:web`, built in the
// database itself: the few thousand rows only JavaScript can word (outlets,
// speakers, claims, filler sentences) go in as large JSON batches, and the
// quotes and articles — the bulk — are made by INSERT … SELECT over
// generate_series, so 1M quotes take minutes on PostgreSQL, not hours. The
// same SQL runs on the embedded PGlite.
//
// Shape (deterministic for a seed):
// - claims: one per QUOTES_PER_CLAIM quotes; their sizes follow a Zipf law
//   (the claim of popularity rank r has ∝ r^-s quotes, s = `zipf`), so a few
//   claims carry thousands of quotes and most carry one to ten; 90% published,
//   the rest drafts or in review; ratings on the published ones; a tag or two.
// - quotes: the claim's wording as printed (40% verbatim, 30% trimmed, 30%
//   altered), 88% confirmed, 10% suggested, 2% rejected; spread over articles
//   by a multiplicative permutation, so one claim's quotes are in many articles.
// - articles: QUOTES_PER_ARTICLE quotes each, between filler paragraphs, with
//   W3C selectors (start/end, prefix/suffix) that match the body; outlets are
//   skewed too (a few big outlets, many small ones).
// - words: invented place names (syllables) and general English word banks, so
//   full-text and trigram search see a realistic spread of rare and common
//   words; nothing comes from the seed corpus.
import { hashPassword } from "better-auth/crypto";
import { ADJECTIVES, FIRST, NOUNS, ORG_KINDS, rng, VERBS_PAST } from "./synthetic-news";
import { ALTERED, ATTRIBUTION, HEDGES, PAPERS, Words } from "./web-words";

/** Bump when the generated data changes: saved corpora with another version are rebuilt. */
export const CORPUS_VERSION = 1;

export const QUOTES_PER_CLAIM = 10;
export const QUOTES_PER_ARTICLE = 8;

export interface CorpusDb {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface CorpusSpec {
  quotes: number;
  /** Zipf exponent of claim sizes. */
  zipf: number;
  seed: number;
}

export interface ClaimRef {
  id: string;
  slug: string;
  canonical: string;
  speakerId: string | null;
  quotes: number;
}

/** What the benchmark needs to know about a built corpus (saved beside it as JSON). */
export interface CorpusInfo {
  version: number;
  spec: CorpusSpec;
  counts: { claims: number; published: number; quotes: number; articles: number; outlets: number; speakers: number; tags: number };
  buildSeconds: number;
  /** The published claim with the most quotes. */
  largest: ClaimRef;
  /** Published claims drawn uniformly (the largest left out), for page samples, writes and queries. */
  sample: ClaimRef[];
  outlets: string[];
  speakers: string[];
  tags: string[];
  verdicts: string[];
  /** Words of the corpus, for search queries that find nothing as well as ones that do. */
  vocabulary: string[];
  editor: { email: string; password: string };
}

const SAMPLE = 1500;
const pad = (n: number, width = 7) => String(n).padStart(width, "0");

/** Zipf sizes summing to `total`, largest first. */
export function zipfSizes(total: number, count: number, s: number): number[] {
  let h = 0;
  for (let r = 1; r <= count; r++) h += r ** -s;
  const sizes = Array.from({ length: count }, (_, i) => Math.max(1, Math.floor((total * (i + 1) ** -s) / h)));
  let diff = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % count) {
    if (diff > 0) {
      sizes[i]++;
      diff--;
    } else if (sizes[i] > 1) {
      sizes[i]--;
      diff++;
    }
  }
  return sizes;
}

async function insertJson(db: CorpusDb, table: string, rows: Record<string, unknown>[], batch = 5000) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += batch) {
    await db.query(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(rows.slice(i, i + batch))]);
  }
}

/**
 * Fills an empty, migrated database with a corpus of `spec.quotes` quotes.
 * Secondary indexes of the big tables are dropped while loading and built
 * again after (one sorted build instead of a million index insertions).
 */
export async function buildCorpus(db: CorpusDb, spec: CorpusSpec, log: (line: string) => void): Promise<CorpusInfo> {
  const started = Date.now();
  const rand = rng(spec.seed);
  const words = new Words(rand);
  const step = async (what: string, fn: () => Promise<unknown>) => {
    const t = Date.now();
    await fn();
    log(`${what} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };

  const claimCount = Math.max(10, Math.round(spec.quotes / QUOTES_PER_CLAIM));
  const articleCount = Math.ceil(spec.quotes / QUOTES_PER_ARTICLE);
  const outletCount = Math.max(20, Math.round(Math.sqrt(spec.quotes) / 5));
  const speakerCount = Math.max(50, Math.round(claimCount / 20));

  const { VERDICT_LABELS } = await import("@/prisma/seed");
  await insertJson(db, "VerdictLabel", VERDICT_LABELS.map((l, i) => ({ id: `bench-v-${i}`, slug: l.slug, name: l.name, description: l.description, ratingValue: l.ratingValue, sortOrder: i, createdAt: new Date().toISOString() })));

  const password = `bench-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  const userId = "bench-editor";
  await db.query(`INSERT INTO "user" (id, name, email, "emailVerified", role, "createdAt", "updatedAt") VALUES ($1, 'Bench Editor', 'bench-editor@claimscope.local', true, 'editor', now(), now())`, [userId]);
  await db.query(`INSERT INTO "account" (id, "accountId", "providerId", "userId", password, "createdAt", "updatedAt") VALUES ('bench-account', $1, 'credential', $1, $2, now(), now())`, [userId, await hashPassword(password)]);

  const now = new Date().toISOString();
  const usedOutlets = new Set<string>();
  const outlets = Array.from({ length: outletCount }, (_, i) => {
    let name = `${words.pick(words.places)} ${words.pick(PAPERS)}`;
    while (usedOutlets.has(name)) name = `${words.pick(words.places)} ${words.pick(PAPERS)}`;
    usedOutlets.add(name);
    return { id: `bench-o-${pad(i, 4)}`, name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${i + 1}`, country: words.pick(["Norland", "Estmark", "Varosia", "Kelt"]), domain: `${name.toLowerCase().replace(/\W+/g, "")}.example`, updatedAt: now };
  });
  const speakers = Array.from({ length: speakerCount }, (_, i) => {
    const person = rand() < 0.6;
    let name = person ? `${words.pick(FIRST)} ${words.pick(words.places)}` : `${words.pick(words.places)} ${words.pick(ORG_KINDS)}`;
    name = `${name}`;
    return { id: `bench-s-${pad(i, 6)}`, name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${i + 1}`, kind: person ? "person" : words.pick(["organisation", "government"]), aliases: [], updatedAt: now };
  });
  const tags = Array.from({ length: 40 }, (_, i) => {
    const noun = NOUNS[(i * 7) % NOUNS.length];
    return { id: `bench-t-${pad(i, 3)}`, name: `${noun[0].toUpperCase()}${noun.slice(1)}`, slug: `${noun}-${i + 1}`, kind: i % 5 === 0 ? "framing" : "topic", updatedAt: now };
  });

  // Claim n (0-based, in publication order) has popularity rank perm[n]: big claims are spread over time.
  const sizes = zipfSizes(spec.quotes, claimCount, spec.zipf);
  const perm = Array.from({ length: claimCount }, (_, i) => i);
  for (let i = claimCount - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  const span = 10 * 365 * 86_400_000;
  const t0 = Date.UTC(2015, 0, 1);
  const claims = Array.from({ length: claimCount }, (_, n) => {
    const rank = perm[n];
    const r = rand();
    const status = rank === 0 || r < 0.9 ? "published" : r < 0.95 ? "draft" : "in_review";
    return {
      n,
      id: `bench-c-${pad(n)}`,
      slug: `bench-claim-${pad(n)}`,
      canonical: words.claim(),
      speaker: words.skewed(speakers).id,
      status,
      published: status === "published" ? new Date(t0 + Math.floor((n / claimCount) * span)).toISOString() : null,
      size: sizes[rank],
      rebuts: n % 97 === 1 ? `bench-c-${pad(n - 1)}` : null,
    };
  });
  const fillers = Array.from({ length: 400 }, () => words.filler());

  await step("outlets, speakers, tags and claims", async () => {
    await insertJson(db, "Outlet", outlets);
    await insertJson(db, "Speaker", speakers);
    await insertJson(db, "Tag", tags);
    await db.exec(`CREATE TEMP TABLE bench_claim (n int, id text, slug text, canonical text, speaker text, status text, published timestamptz, size int, rebuts text)`);
    for (let i = 0; i < claims.length; i += 5000) {
      await db.query(`INSERT INTO bench_claim SELECT * FROM json_populate_recordset(NULL::bench_claim, $1::json)`, [JSON.stringify(claims.slice(i, i + 5000))]);
    }
    await db.exec(`
      INSERT INTO "Claim" (id, slug, canonical, "speakerId", status, "publishedAt", "rebutsId", "updatedAt")
      SELECT id, slug, canonical, speaker, status::"ClaimStatus", published, rebuts, now() FROM bench_claim ORDER BY n;
      INSERT INTO "Rating" (id, "claimId", "verdictLabelId", "verdictExplanation", "fidelityRating", "fidelityExplanation", "framingRating", "framingExplanation", "publishedAt", "updatedAt")
      SELECT 'bench-r-' || n, id, 'bench-v-' || (n * 7 % 6), 'Synthetic verdict for the benchmark.', 1 + n % 5, 'Synthetic.', 1 + (n * 3) % 5, 'Synthetic.', published, now()
      FROM bench_claim WHERE status = 'published';
      INSERT INTO "ClaimTag" ("claimId", "tagId")
      SELECT id, 'bench-t-' || lpad(((n * 31) % 40)::text, 3, '0') FROM bench_claim WHERE n % 3 <> 0
      UNION ALL
      SELECT id, 'bench-t-' || lpad(((n * 17 + 5) % 40)::text, 3, '0') FROM bench_claim WHERE n % 7 = 0 AND (n * 17 + 5) % 40 <> (n * 31) % 40;`);
  });

  // Secondary indexes of the big tables: dropped while loading, built again after.
  const indexes = await db.query<{ name: string; def: string }>(`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename IN ('Article', 'Quote')
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`);
  await db.exec(indexes.map((i) => `DROP INDEX "${i.name}";`).join("\n"));

  // The article of quote g is (g · P) mod A: a permutation (P prime, not dividing A) that scatters each claim's quotes.
  const P = [1_000_003, 999_983, 1_000_033].find((p) => articleCount % p !== 0)!;
  const outletIds = outlets.map((o) => o.id);
  await step(`${spec.quotes.toLocaleString("en")} quotes laid out in ${articleCount.toLocaleString("en")} articles`, () =>
    db.query(
      `CREATE TEMP TABLE bench_quote AS
       WITH q AS (
         SELECT (row_number() OVER (ORDER BY c.n, j) - 1) AS g, c.n AS claim_n, c.id AS claim_id, c.speaker, rtrim(c.canonical, '.') AS base
         FROM bench_claim c CROSS JOIN LATERAL generate_series(1, c.size) AS j),
       v AS (
         SELECT g, claim_id, speaker, (g * $1::bigint) % $2::bigint AS a, (g * 2654435761) % 1000 AS h, base FROM q),
       w AS (
         SELECT v.*, row_number() OVER (PARTITION BY a ORDER BY g) AS k,
           CASE WHEN h < 400 THEN 'verbatim' WHEN h < 700 THEN 'trimmed' ELSE 'altered' END AS fidelity,
           CASE WHEN h < 400 THEN base
                WHEN h < 700 THEN regexp_replace(base, '\\s+\\S+$', '')
                ELSE regexp_replace(base, '^(\\S+\\s+\\S+)\\s+\\S+', '\\1 ' || ($3::text[])[1 + (h % 4)::int]) END AS exact,
           ($4::text[])[1 + ((h * 7) % 10)::int] AS verb,
           E'\\n\\n' || ($5::text[])[1 + ((g * 40503) % 400)::int] || E'\\n\\n' AS para
         FROM v)
       SELECT w.*, para || 'The statement ' || verb || ': “' AS lead FROM w`,
      [P, articleCount, ALTERED, ATTRIBUTION, fillers],
    ),
  );

  await step("articles", async () => {
    await db.exec(`CREATE TEMP TABLE bench_article AS
      SELECT a, 'Report: ' || array_to_string((regexp_split_to_array(exact, '\\s+'))[1:8], ' ') || ' (' || (a + 1) || ')' AS title
      FROM bench_quote WHERE k = 1`);
    await db.query(
      `INSERT INTO "Article" (id, "outletId", title, slug, body, "contentHash", "publishedAt", "updatedAt")
       SELECT 'bench-a-' || lpad(b.a::text, 7, '0'), ($1::text[])[1 + floor($2::int * power(((b.a * 7919) % 10007) / 10007.0, 2))::int],
              b.title, 'bench-article-' || lpad(b.a::text, 7, '0'),
              b.title || string_agg(q.lead || q.exact || '.”', '' ORDER BY q.k) || E'\\n\\n' || ($3::text[])[1 + (b.a % 400)::int],
              md5('bench-a-' || b.a), timestamptz '2015-01-01' + b.a * ($4::float8 / $5::int) * interval '1 second', now()
       FROM bench_article b JOIN bench_quote q ON q.a = b.a
       GROUP BY b.a, b.title`,
      [outletIds, outletIds.length, fillers, span / 1000, articleCount],
    );
  });

  await step("quotes", () =>
    db.query(
      `INSERT INTO "Quote" (id, "articleId", "claimId", "speakerId", exact, prefix, suffix, start, "end", kind, cue, verb, origin,
                            "reviewStatus", "matchScore", fidelity, "paragraphIndex", "inHeadline", hedges, "updatedAt")
       SELECT 'bench-q-' || lpad(g::text, 8, '0'), 'bench-a-' || lpad(a::text, 7, '0'), claim_id, speaker, exact,
              right(lead, 32), left('.”' || coalesce(next_lead, E'\\n\\n' || ($1::text[])[1 + (a % 400)::int]), 32),
              start, start + length(exact), 'statement', 'the statement ' || verb, verb, 'extracted',
              (CASE WHEN (g * 40499) % 100 < 2 THEN 'rejected' WHEN (g * 40499) % 100 < 12 THEN 'suggested' ELSE 'confirmed' END)::"ReviewStatus",
              0.9, fidelity::"Fidelity", 2 * k, false,
              CASE WHEN h % 4 = 0 THEN ARRAY[($2::text[])[1 + ((h / 4) % 4)::int]] ELSE '{}'::text[] END, now()
       FROM (
         SELECT q.*, lead(q.lead) OVER w AS next_lead,
                length(b.title) + coalesce(sum(length(q.lead) + length(q.exact) + 2) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) + length(q.lead) AS start
         FROM bench_quote q JOIN bench_article b ON b.a = q.a
         WINDOW w AS (PARTITION BY q.a ORDER BY q.k)) x`,
      [fillers, HEDGES],
    ),
  );

  await step(`indexes built again (${indexes.length})`, async () => {
    await db.exec(`SET maintenance_work_mem = '256MB'`);
    for (const index of indexes) await db.exec(index.def);
  });
  // VACUUM as well: a database that grew by inserts is vacuumed by autovacuum (its insert threshold,
  // PostgreSQL 13+), which sets the visibility map that index-only scans (deep /claims pages) rely on.
  await step("VACUUM ANALYZE", async () => {
    await db.exec(`DROP TABLE bench_quote; DROP TABLE bench_article`);
    await db.exec(`VACUUM (ANALYZE)`);
  });

  const count = async (sql: string) => Number((await db.query<{ n: string | number }>(sql))[0].n);
  const counts = {
    claims: await count(`SELECT count(*) AS n FROM "Claim"`),
    published: await count(`SELECT count(*) AS n FROM "Claim" WHERE status = 'published'`),
    quotes: await count(`SELECT count(*) AS n FROM "Quote"`),
    articles: await count(`SELECT count(*) AS n FROM "Article"`),
    outlets: outlets.length,
    speakers: speakers.length,
    tags: tags.length,
  };
  await db.exec(`DROP TABLE bench_claim`);
  const published = claims.filter((c) => c.status === "published");
  const ref = (c: (typeof claims)[number]): ClaimRef => ({ id: c.id, slug: c.slug, canonical: c.canonical, speakerId: c.speaker, quotes: c.size });
  const largest = published.reduce((a, b) => (b.size > a.size ? b : a));
  const pool = published.filter((c) => c !== largest);
  const sample: ClaimRef[] = [];
  const taken = new Set<number>();
  while (sample.length < Math.min(SAMPLE, pool.length)) {
    const i = Math.floor(rand() * pool.length);
    if (taken.has(i)) continue;
    taken.add(i);
    sample.push(ref(pool[i]));
  }
  return {
    version: CORPUS_VERSION,
    spec,
    counts,
    buildSeconds: Math.round((Date.now() - started) / 1000),
    largest: ref(largest),
    sample,
    outlets: outlets.map((o) => o.slug),
    speakers: speakers.map((s) => s.slug),
    tags: tags.map((t) => t.slug),
    verdicts: VERDICT_LABELS.map((l) => l.slug),
    vocabulary: [...new Set([...NOUNS, ...ADJECTIVES, ...VERBS_PAST, ...words.places.slice(0, 1000)])],
    editor: { email: "bench-editor@claimscope.local", password },
  };
}
