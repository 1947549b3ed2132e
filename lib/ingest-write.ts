import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient, SpeakerKind } from "@/generated/prisma/client";
import { newClaimKey } from "./analysis/claims";
import type { CaptureData } from "./fetch-article";
import { removePartialArticle } from "./abandoned-imports";
import type { Tx } from "./db";
import { importHolder, SPLIT_PART_ROWS, TX_OPTIONS, WRITE_CHUNK_ROWS } from "./import-transactions";
import { leadOf, type Plan } from "./ingest-plan";
import { canonicalFrom, quoteRow } from "./ingest-records";
import { claimSlug, slugify } from "./slug";

/**
 * How ingest (lib/ingest.ts) stores analysed articles: every row an article
 * makes — the article, its capture, new speakers, new draft claims, quotes,
 * audit events — is built in memory with its id first (articleRows), then
 * written with one multi-row INSERT per table (writeArticles), in transactions
 * of at most WRITE_CHUNK_ROWS rows:
 *
 * - articles of a bulk import's batch share a transaction while they fit in
 *   one: a commit per article, and a statement per row, were most of an
 *   import's time on the embedded database;
 * - an article bigger than that (an 806 KB page of 12,000 quotations) is
 *   written in parts of SPLIT_PART_ROWS rows, each its own short transaction, so that the embedded
 *   database's one connection is free for readers between them (one
 *   transaction held it for over 30 s). Its first part stores a PendingImport
 *   row beside it, the last deletes it: until then the import is not complete,
 *   and a crash leaves a marked partial article that the next import of the
 *   same text removes (removeAbandonedImports, lib/abandoned-imports.ts) before storing it again.
 */


export interface NewSpeakerRow {
  id: string;
  name: string;
  kind: SpeakerKind;
  aliases: string[];
  acronyms: string[];
}

export interface NewClaimRow {
  id: string;
  /** Before it is made unique at write time. */
  slugBase: string;
  canonical: string;
  speakerId: string | null;
  sourceDocumentId: string | null;
  sourceStart: number | null;
  sourceEnd: number | null;
}

type QuoteRow = ReturnType<typeof quoteRow> & { id: string; updatedAt: Date };

export interface ArticleFields {
  outletId: string;
  slug?: string | null;
  title: string;
  byline: string | null;
  url: string | null;
  publishedAt: Date | null;
  language?: string | null;
  body: string;
  pageStarts?: number[];
  rawText: string | null;
  capture?: CaptureData | null;
  actorId: string | null;
}

/** Everything one article stores, ids assigned; speakers and claims are the ones this article is the first to need. */
export interface ArticleRows {
  id: string;
  fields: ArticleFields;
  contentHash: string;
  speakers: NewSpeakerRow[];
  claims: NewClaimRow[];
  quotes: QuoteRow[];
}

/** What the batch being planned has made so far: speakers by lower-cased name, so that one name is one new speaker. */
export interface BatchState {
  speakersByName: Map<string, string>;
}

export const newId = () => randomUUID();

/**
 * An analysed article's rows (lib/ingest-plan.ts planQuotes made `plan`), with
 * ids, so that quotes name their claims and speakers before anything is written.
 * A speaker to create that an earlier article of the batch created is that one.
 */
export function articleRows(fields: ArticleFields, contentHash: string, plan: Plan, batch: BatchState): ArticleRows {
  const id = newId();
  const speakers: NewSpeakerRow[] = [];
  const speakerIds = plan.quotes.map((p) => {
    const ref = p.speakerRef;
    if (!ref) return null;
    if ("id" in ref) return ref.id;
    const key = ref.create.name.toLowerCase();
    let sid = batch.speakersByName.get(key);
    if (!sid) {
      sid = newId();
      batch.speakersByName.set(key, sid);
      speakers.push({ id: sid, ...ref.create });
    }
    return sid;
  });
  const claims: NewClaimRow[] = [];
  const claimIds = plan.groups.map((g) => {
    if (g.existingClaimId) return g.existingClaimId;
    // The group's longest statement states the claim most fully.
    const lead = leadOf(plan.quotes, g);
    const { q, fidelity: fid } = plan.quotes[lead];
    const canonical = canonicalFrom(q.exact);
    const found = fid && fid.status !== "not_found";
    const claim: NewClaimRow = {
      id: newId(),
      slugBase: claimSlug(canonical) || newClaimKey({ text: q.exact, speakerKey: speakerIds[lead] }),
      canonical,
      speakerId: speakerIds[lead],
      sourceDocumentId: found ? fid.sourceId : null,
      sourceStart: found ? fid.sourceStart : null,
      sourceEnd: found ? fid.sourceEnd : null,
    };
    claims.push(claim);
    return claim.id;
  });
  const now = new Date();
  const quotes = plan.quotes.map((p, i) => ({ ...quoteRow(id, p, plan.groups, claimIds, speakerIds[i]), id: newId(), updatedAt: now }));
  return { id, fields, contentHash, speakers, claims, quotes };
}

const rowCount = (a: ArticleRows) => 1 + a.speakers.length + a.claims.length + a.quotes.length;

/** One transaction's share of the rows; `article` set: the article is written in it, `finish`: its import completes in it. */
interface Part {
  articles: ArticleRows[];
  speakers: NewSpeakerRow[];
  claims: (NewClaimRow & { actorId: string | null })[];
  quotes: QuoteRow[];
  /** The article stored over several parts: marked pending in its first, completed in its last. */
  partial?: { id: string; first: boolean; last: boolean };
  /** Articles whose import event this part records (their import is complete when it commits). */
  completes: ArticleRows[];
}

export type Written = { slug: string } | Error;

/**
 * Writes analysed articles (articleRows), in order: articles that fit share
 * transactions of at most WRITE_CHUNK_ROWS rows; a bigger article is written
 * over several (see the module's comment). Returns, per article, its slug or
 * the error its transaction failed with (the whole transaction then stored
 * nothing; an article written in parts that fails midway is removed). An
 * article whose speaker or claim was to come from a failed transaction fails too.
 */
export async function writeArticles(prisma: PrismaClient, list: ArticleRows[]): Promise<Written[]> {
  const out = new Map<ArticleRows, Written>();
  const remap = new Map<string, string>();
  let group: ArticleRows[] = [];
  let rows = 0;
  const flush = async () => {
    if (!group.length) return;
    const g = group;
    group = [];
    rows = 0;
    const part: Part = {
      articles: g,
      speakers: g.flatMap((a) => a.speakers),
      claims: g.flatMap((a) => a.claims.map((c) => ({ ...c, actorId: a.fields.actorId }))),
      quotes: g.flatMap((a) => a.quotes),
      completes: g,
    };
    try {
      const slugs = await prisma.$transaction((tx) => writePart(tx, part, remap), TX_OPTIONS);
      g.forEach((a, i) => out.set(a, { slug: slugs[i] }));
    } catch (error) {
      for (const a of g) out.set(a, asError(error));
    }
  };
  for (const a of list) {
    if (rowCount(a) > WRITE_CHUNK_ROWS) {
      await flush();
      out.set(a, await writeInParts(prisma, a, remap));
      continue;
    }
    if (rows + rowCount(a) > WRITE_CHUNK_ROWS) await flush();
    group.push(a);
    rows += rowCount(a);
  }
  await flush();
  return list.map((a) => out.get(a)!);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A big article's parts: its quotes in order, each part with the speakers and claims its quotes are the first to need. */
async function writeInParts(prisma: PrismaClient, a: ArticleRows, remap: Map<string, string>): Promise<Written> {
  const speakers = new Map(a.speakers.map((s) => [s.id, s]));
  const claims = new Map(a.claims.map((c) => [c.id, c]));
  const parts: Part[] = [];
  let current: Part | null = null;
  let size = 0;
  const take = <T>(map: Map<string, T>, id: string | null): T | null => {
    const row = id ? map.get(id) : undefined;
    if (!row) return null;
    map.delete(id!);
    return row;
  };
  for (const q of a.quotes) {
    if (!current || size >= SPLIT_PART_ROWS) {
      current = { articles: parts.length ? [] : [a], speakers: [], claims: [], quotes: [], completes: [], partial: { id: a.id, first: !parts.length, last: false } };
      parts.push(current);
      size = parts.length === 1 ? 1 : 0;
    }
    const claim = take(claims, q.claimId);
    for (const sid of [q.speakerId, claim?.speakerId ?? null]) {
      const s = take(speakers, sid);
      if (s) {
        current.speakers.push(s);
        size++;
      }
    }
    if (claim) {
      current.claims.push({ ...claim, actorId: a.fields.actorId });
      size++;
    }
    current.quotes.push(q);
    size++;
  }
  if (!current) {
    current = { articles: [a], speakers: [], claims: [], quotes: [], completes: [], partial: { id: a.id, first: true, last: false } };
    parts.push(current);
  }
  current.speakers.push(...speakers.values());
  current.claims.push(...[...claims.values()].map((c) => ({ ...c, actorId: a.fields.actorId })));
  current.completes = [a];
  current.partial!.last = true;
  let slug = "";
  try {
    for (const part of parts) {
      const started = performance.now();
      const slugs = await prisma.$transaction((tx) => writePart(tx, part, remap), TX_OPTIONS);
      if (part.articles.length) slug = slugs[0];
      // Between parts, leave the machine to readers for as long as the part took, so a big
      // import takes at most half of it: the embedded database writes on the server's own
      // thread, and PostgreSQL's backend competes with the server for the same cores.
      if (part !== parts[parts.length - 1]) await new Promise((r) => setTimeout(r, performance.now() - started));
    }
    return { slug };
  } catch (error) {
    if (parts.length > 1) await removePartialArticle(prisma, a.id).catch(() => {});
    return asError(error);
  }
}

/** One transaction's writes: one INSERT per table. Returns the slugs of `part.articles`. */
async function writePart(tx: Tx, part: Part, remap: Map<string, string>): Promise<string[]> {
  const map = (id: string | null) => (id ? (remap.get(id) ?? id) : null);
  if (part.speakers.length) {
    // A name another import stored since this batch was planned is that speaker (one name, one speaker).
    const names = [...new Set(part.speakers.map((s) => s.name.toLowerCase()))];
    const found = await tx.$queryRaw<{ id: string; key: string }[]>`SELECT id, lower(name) AS key FROM "Speaker" WHERE lower(name) = ANY(${names})`;
    const byName = new Map(found.map((r) => [r.key, r.id]));
    const fresh = part.speakers.filter((s) => {
      const id = byName.get(s.name.toLowerCase());
      if (id) remap.set(s.id, id);
      return !id;
    });
    const slugs = await uniqueSlugs(tx, ["Speaker", { oldSlugs: "speaker" }], fresh.map((s) => s.name));
    if (fresh.length) await tx.speaker.createMany({ data: fresh.map((s, i) => ({ ...s, slug: slugs[i] })) });
  }
  if (part.claims.length) {
    const slugs = await uniqueSlugs(tx, ["Claim", { oldSlugs: "claim" }], part.claims.map((c) => c.slugBase));
    await tx.claim.createMany({
      data: part.claims.map((c, i) => ({
        id: c.id,
        slug: slugs[i],
        canonical: c.canonical,
        speakerId: map(c.speakerId),
        sourceDocumentId: c.sourceDocumentId,
        sourceStart: c.sourceStart,
        sourceEnd: c.sourceEnd,
      })),
    });
    await tx.auditEvent.createMany({
      data: part.claims.map((c, i) => ({
        actorId: c.actorId,
        entityType: "claim",
        entityId: c.id,
        action: "create-from-analysis",
        after: { slug: slugs[i], canonical: c.canonical },
      })),
    });
  }
  let articleSlugs: string[] = [];
  if (part.articles.length) {
    articleSlugs = await uniqueSlugs(tx, ["Article"], part.articles.map((a) => a.fields.slug || a.fields.title));
    // The spelling list's words come from the batch's distinct chunks, not from the trigger's second parse of every text.
    await tx.$executeRaw`SELECT set_config('claimscope.article_words_given', 'on', true)`;
    await tx.article.createMany({
      data: part.articles.map(({ id, fields: f, contentHash }, i) => ({
        id,
        outletId: f.outletId,
        slug: articleSlugs[i],
        title: f.title,
        byline: f.byline,
        url: f.url,
        publishedAt: f.publishedAt,
        language: f.language ?? "en",
        body: f.body,
        pageStarts: f.pageStarts ?? [],
        rawText: f.rawText,
        contentHash,
      })),
    });
    await tx.$executeRaw`SELECT set_config('claimscope.article_words_given', '', true), claimscope_add_search_words(${[
      distinctChunks(part.articles.flatMap((a) => [a.fields.title, a.fields.body])),
    ]}::text[])`;
    const captures = part.articles.flatMap((a) => (a.fields.capture ? [{ articleId: a.id, ...a.fields.capture }] : []));
    if (captures.length) await tx.articleCapture.createMany({ data: captures });
  }
  if (part.partial?.first && !part.partial.last) await tx.pendingImport.create({ data: { articleId: part.partial.id, holder: importHolder } });
  else if (part.partial && !part.partial.first && !part.partial.last) await tx.pendingImport.update({ where: { articleId: part.partial.id }, data: { touchedAt: new Date() } });
  else if (part.partial?.last && !part.partial.first) await tx.pendingImport.delete({ where: { articleId: part.partial.id } });
  if (part.quotes.length) await insertQuotes(tx, remap.size ? part.quotes.map((q) => ({ ...q, speakerId: map(q.speakerId) })) : part.quotes);
  if (part.completes.length) {
    const slugOf = new Map(part.articles.map((a, i) => [a.id, articleSlugs[i]]));
    await tx.auditEvent.createMany({
      data: part.completes.map((a) => ({
        actorId: a.fields.actorId,
        entityType: "article",
        entityId: a.id,
        action: "import",
        after: { title: a.fields.title, outletId: a.fields.outletId, slug: slugOf.get(a.id) ?? null, quotes: a.quotes.length },
      })),
    });
  }
  return articleSlugs;
}

/**
 * The quotes' INSERT, one statement whose one parameter is the rows as JSON
 * (PostgreSQL's jsonb_to_recordset types each column). The same rows through
 * Prisma's createMany, one bind parameter per field (about 10,000 for a batch
 * of 25 articles), spent four times as long in the client building the
 * statement as PGlite spent running it: 9 ms of every article of a bulk import
 * (scripts/bench-import.ts, 2026-12-02). A quote already stored at the same
 * place in its article is left as it is (ON CONFLICT DO NOTHING), as before.
 */
async function insertQuotes(tx: Tx, quotes: QuoteRow[]): Promise<void> {
  // A field left undefined (no fidelityDiff) is not in the JSON; jsonb_to_recordset makes it NULL.
  await tx.$executeRawUnsafe(
    `INSERT INTO "Quote" (${QUOTE_COLUMNS.map(([c]) => `"${c}"`).join(", ")})
     SELECT ${QUOTE_COLUMNS.map((col) => `r."${col[0]}"${col[2] ? `::"${col[2]}"` : ""}`).join(", ")}
     FROM jsonb_to_recordset($1::jsonb) AS r(${QUOTE_COLUMNS.map((col) => `"${col[0]}" ${col[1]}`).join(", ")})
     ON CONFLICT DO NOTHING`,
    JSON.stringify(quotes),
  );
}

/** The columns insertQuotes writes: name, type in the JSON record, enum it is cast to. The others take their defaults. */
const QUOTE_COLUMNS = [
  ["id", "text"],
  ["articleId", "text"],
  ["claimId", "text"],
  ["speakerId", "text"],
  ["exact", "text"],
  ["prefix", "text"],
  ["suffix", "text"],
  ["start", "integer"],
  ["end", "integer"],
  ["kind", "text", "QuoteKind"],
  ["cue", "text"],
  ["verb", "text"],
  ["attributionReason", "text"],
  ["origin", "text", "QuoteOrigin"],
  ["reviewStatus", "text", "ReviewStatus"],
  ["matchScore", "double precision"],
  ["fidelity", "text", "Fidelity"],
  ["fidelityDiff", "jsonb"],
  ["paragraphIndex", "integer"],
  ["inHeadline", "boolean"],
  ["hedges", "text[]"],
  ["documentKey", "text"],
  ["updatedAt", "timestamp(3)"],
] as const satisfies readonly (readonly [keyof QuoteRow, string, string?])[];
/** A field quoteRow gains must be written too: this fails to compile, naming it, until it is in the list. */
type Unwritten = Exclude<keyof QuoteRow, (typeof QUOTE_COLUMNS)[number][0]>;
export const everyQuoteFieldWritten: [Unwritten] extends [never] ? true : Unwritten = true;

/** A table whose slugs are taken, or the former addresses of one kind of record (OldSlug, lib/record-addresses.ts). */
type SlugTable = "Article" | "Speaker" | "Claim" | { oldSlugs: "claim" | "speaker" };

/**
 * lib/slug.ts uniqueSlug for many bases at once, in the writing transaction:
 * each base slugified, then `-2`, `-3`… past every slug the tables hold and
 * those given earlier in the list. One query for all.
 */
async function uniqueSlugs(tx: Tx, tables: SlugTable[], bases: string[]): Promise<string[]> {
  if (!bases.length) return [];
  const roots = bases.map((b) => slugify(b));
  const wanted = [...new Set(roots)];
  const patterns = wanted.map((r) => `${r}-%`);
  const taken = new Set<string>();
  for (const table of tables) {
    // Slugs are [a-z0-9-] (slugify): no LIKE wildcards in a root.
    const rows =
      typeof table === "string"
        ? await tx.$queryRawUnsafe<{ slug: string }[]>(`SELECT slug FROM "${table}" WHERE slug = ANY($1::text[]) OR slug LIKE ANY($2::text[])`, wanted, patterns)
        : await tx.$queryRaw<{ slug: string }[]>`SELECT slug FROM "OldSlug" WHERE kind = ${table.oldSlugs}::"AddressKind" AND (slug = ANY(${wanted}::text[]) OR slug LIKE ANY(${patterns}::text[]))`;
    for (const r of rows) taken.add(r.slug);
  }
  return roots.map((root) => {
    let slug = root;
    for (let n = 2; taken.has(slug); n++) {
      if (n >= 10_000) throw new Error(`no free slug for ${root}`);
      slug = `${root}-${n}`;
    }
    taken.add(slug);
    return slug;
  });
}

/**
 * The distinct chunks of `texts` between ASCII whitespace (code units ≤ 32), joined by single
 * spaces: what the spelling list's words are taken from for a batch of articles (migration
 * 20261203190000_search_words_given). PostgreSQL's text parser never makes a token across ASCII
 * whitespace, so to_tsvector of this string has the same words as to_tsvector of every text, from
 * fewer characters: on real news, 38% of them (75 articles of tests/fixtures in batches of 25:
 * 108 KB → 41 KB).
 */
export function distinctChunks(texts: string[]): string {
  const chunks = new Set<string>();
  for (const text of texts) {
    const n = text.length;
    let i = 0;
    while (i < n) {
      while (i < n && text.charCodeAt(i) <= 32) i++;
      const start = i;
      while (i < n && text.charCodeAt(i) > 32) i++;
      if (i > start) chunks.add(text.slice(start, i));
    }
  }
  return [...chunks].join(" ");
}
