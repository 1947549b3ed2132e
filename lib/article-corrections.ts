import "server-only";
import type { AnchorStatus } from "@/generated/prisma/client";
import { ActionError, NotFoundError } from "./errors";
import { loadSpeakerRegistry } from "./analysis-context";
import { reanchorAll, type AttributedSpan, type ReanchorResult } from "./anchoring/reanchor";
import { paragraphIndexAt, paragraphRanges } from "./anchoring/segments";
import { CONTEXT_LENGTH, textAnchorSelect } from "./anchoring/selectors";
import { recordAudit } from "./audit";
import { BudgetExceededError } from "./budgeted";
import { contentHash } from "./content-hash";
import { prisma, type Tx } from "./db";
import { analyzeOffThread } from "./ingest-plan";
import type { Touched } from "./public-cache/keys";
import { correctArticleSchema, type CorrectArticleInput } from "./validation/article";
import { assertVersion, bumpVersions, updateVersioned } from "./versioned-write";

export interface CorrectionSummary {
  anchored: number;
  fuzzy: number;
  orphaned: number;
}

function context(body: string, start: number, end: number) {
  return { prefix: body.slice(Math.max(0, start - CONTEXT_LENGTH), start), suffix: body.slice(end, end + CONTEXT_LENGTH) };
}

function tally(summary: CorrectionSummary, result: ReanchorResult) {
  summary[result.status] += 1;
}

interface Span {
  start: number;
  end: number;
  exact: string;
}

/** The event of a quote or annotation that a correction moved or orphaned: `placed` is where it now stands, null for an orphan. */
function recordReanchor<Placed extends Span>(
  tx: Tx,
  actorId: string,
  entityType: "quote" | "annotation",
  before: Span & { id: string; anchorStatus: AnchorStatus },
  placed: Placed | null,
  anchorStatus: AnchorStatus,
  score: number | null,
) {
  return recordAudit(tx, {
    actorId,
    entityType,
    entityId: before.id,
    action: "reanchor",
    before: { start: before.start, end: before.end, exact: before.exact, anchorStatus: before.anchorStatus },
    after: { ...(placed ? { start: placed.start, end: placed.end, exact: placed.exact } : {}), anchorStatus, score },
  });
}

/** Attribution needs no primary source: one empty list, so the analysis threads keep one context per registry. */
const NO_SOURCES: { id: string; text: string }[] = [];

/**
 * The words of `body` the analysis attributes to a named speaker, keyed by
 * speaker id as stored on quotes (a name the registry lacks is keyed by name,
 * and so differs from every stored speaker).
 */
async function attributedSpans(body: string): Promise<AttributedSpan[]> {
  const { speakers, speakerEntries } = await loadSpeakerRegistry(prisma);
  const ids = new Set(speakers.map((s) => s.id));
  const key = (name: string) => name.normalize("NFC").toLowerCase();
  const byName = new Map(speakers.map((s) => [key(s.name), s.id]));
  const spans: AttributedSpan[] = [];
  // Off the request thread, within the analysis budgets (lib/budgeted.ts).
  let analysis;
  try {
    analysis = (await analyzeOffThread({ speakerEntries, sourceDocuments: NO_SOURCES }, body)).analysis;
  } catch (error) {
    if (error instanceof BudgetExceededError) throw new ActionError(`${error.message} The text was not changed.`, "invalid", { body: [error.message] });
    throw error;
  }
  for (const q of analysis.quotes) {
    if (q.kind === "title" || !q.speakerName || q.speakerKey === null) continue;
    const speaker = (q.speakerId && ids.has(q.speakerId) ? q.speakerId : byName.get(key(q.speakerName))) ?? `name:${key(q.speakerName)}`;
    spans.push({ start: q.start, end: q.end, speaker });
  }
  return spans;
}

/**
 * Replaces an article's text with a corrected one and re-anchors every quote and
 * annotation on it (lib/anchoring/reanchor): by position if the text there is
 * unchanged, else by fuzzy quote match (marked "fuzzy", with its score), else
 * orphaned — an orphan keeps its old words and is shown as such, never moved.
 * Quotes and annotations are placed together (reanchorAll), so one never moves
 * onto words another still holds or that the new text gives another speaker.
 */
export async function correctArticle(actorId: string, raw: CorrectArticleInput) {
  const input = correctArticleSchema.parse(raw);
  const attributions = await attributedSpans(input.body);
  return prisma.$transaction(
    async (tx) => {
      const before = await tx.article.findUnique({ where: { id: input.id }, select: { id: true, slug: true, body: true, version: true, contentHash: true } });
      if (!before) throw new NotFoundError("article");
      assertVersion(before, input.version);
      if (before.body === input.body) throw new ActionError("The text is unchanged.", "invalid", { body: ["The text is unchanged."] });
      const hash = contentHash(input.body);
      const twin = await tx.article.findFirst({ where: { contentHash: hash, id: { not: input.id } }, select: { title: true } });
      if (twin) throw new ActionError(`That text is already stored as another article (“${twin.title}”).`, "invalid", { body: ["Another article has exactly this text."] });

      const summary: CorrectionSummary = { anchored: 0, fuzzy: 0, orphaned: 0 };
      const paragraphs = paragraphRanges(input.body);
      const paragraphOf = (offset: number) => paragraphIndexAt(paragraphs, offset);

      const quotes = await tx.quote.findMany({
        where: { articleId: input.id },
        select: { id: true, ...textAnchorSelect, anchorStatus: true, speakerId: true },
      });
      const annotations = await tx.annotation.findMany({ where: { articleId: input.id }, select: { id: true, ...textAnchorSelect, anchorStatus: true } });
      // An annotation on a quote's words speaks of that quote's speaker.
      const speakerAt = (span: { start: number; end: number }) => {
        const under = new Set(quotes.filter((q) => q.anchorStatus !== "orphaned" && q.speakerId && q.start < span.end && span.start < q.end).map((q) => q.speakerId));
        return under.size === 1 ? [...under][0] : null;
      };
      const placedAll = reanchorAll(
        input.body,
        [
          ...quotes.map((q) => ({ ...q, ...(q.anchorStatus === "orphaned" ? { start: -1, end: -1 } : {}), speaker: q.speakerId })),
          ...annotations.map((a) => ({ ...a, ...(a.anchorStatus === "orphaned" ? { start: -1, end: -1 } : {}), speaker: a.anchorStatus === "orphaned" ? null : speakerAt(a) })),
        ],
        { attributions },
      );
      const results = quotes.map((q, i) => ({ quote: q, result: placedAll[i] }));
      // Quotes are unique per (article, start, end): park them all out of range first
      // so that moving one onto another's old span never collides mid-update.
      for (const [i, { quote }] of results.entries()) {
        await tx.quote.update({ where: { id: quote.id }, data: { start: -1 - i, end: -1 - i } });
      }
      const taken = new Set<string>();
      for (const { quote, result } of results) {
        tally(summary, result);
        let data;
        if (result.status !== "orphaned" && !taken.has(`${result.start}:${result.end}`)) {
          taken.add(`${result.start}:${result.end}`);
          data = {
            start: result.start,
            end: result.end,
            exact: result.exact,
            ...context(input.body, result.start, result.end),
            anchorStatus: result.status,
            paragraphIndex: paragraphOf(result.start),
          };
        } else {
          if (result.status !== "orphaned") {
            summary[result.status] -= 1;
            summary.orphaned += 1;
          }
          // Orphans keep their words; their offsets no longer mean anything, so
          // they get a unique out-of-range position that no highlight will use.
          data = { start: -1 - quotes.indexOf(quote), end: -1 - quotes.indexOf(quote), anchorStatus: "orphaned" as const };
        }
        await bumpVersions(tx, "quote", { id: quote.id }, data);
        if (quote.anchorStatus !== data.anchorStatus || quote.start !== data.start || quote.exact !== ("exact" in data ? data.exact : quote.exact)) {
          await recordReanchor(tx, actorId, "quote", quote, "exact" in data ? data : null, data.anchorStatus, result.score);
        }
      }

      for (const [i, a] of annotations.entries()) {
        const result = placedAll[quotes.length + i];
        tally(summary, result);
        const data =
          result.status === "orphaned"
            ? { anchorStatus: "orphaned" as const, anchorScore: result.score }
            : { start: result.start, end: result.end, exact: result.exact, ...context(input.body, result.start, result.end), anchorStatus: result.status, anchorScore: result.score };
        await bumpVersions(tx, "annotation", { id: a.id }, data);
        if (a.anchorStatus !== data.anchorStatus || ("start" in data && a.start !== data.start)) {
          await recordReanchor(tx, actorId, "annotation", a, "start" in data ? data : null, data.anchorStatus, result.score);
        }
      }

      // The article's own write comes last: its event says what re-anchoring did.
      await updateVersioned(tx, "article", {
        where: { id: input.id },
        version: input.version,
        // Page offsets were the PDF's as imported: they do not hold for the corrected text.
        data: { body: input.body, contentHash: hash, pageStarts: [] },
        audit: {
          actorId,
          entityType: "article",
          entityId: input.id,
          action: "correct",
          before: { body: before.body, version: before.version },
          after: { body: input.body, version: before.version + 1, note: input.note ?? null, reanchored: summary },
        },
      });
      const claims = await tx.claim.findMany({ where: { quotes: { some: { articleId: input.id } } }, select: { slug: true } });
      return { version: before.version + 1, summary, articles: [before.slug], claims: claims.map((c) => c.slug) } satisfies Touched & { version: number; summary: CorrectionSummary };
    },
    { timeout: 60_000 },
  );
}
