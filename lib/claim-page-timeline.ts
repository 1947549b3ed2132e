import type { DiffPart } from "./analysis/word-diff";
import { wordDiff } from "./analysis/word-diff";
import type { FramingRow } from "./claim-page-framing";

/**
 * The timeline of a public claim page (lib/claim-page.ts): the wording from the
 * source through each article that picked it up, oldest first. Pure.
 */

export interface TimelineStep {
  key: string;
  /** "source": the claim where it was first made; "article": an outlet picking it up. */
  kind: "source" | "article";
  publishedAt: string | null;
  /** The outlet, or the source's speaker. */
  by: string;
  href: string | null;
  title: string;
  exact: string;
  /** The wording against the step before it, drawn as printed (one "equal" run for the source, or with nothing to compare). */
  diff: DiffPart[];
}

/**
 * `source`: the source's step, on the first page only (null otherwise, or with
 * no passage on file). `rows`: the page's framing rows in their order (oldest
 * article first); an article is represented by its fullest statement (or, with
 * none, its longest quote), diffed against the step before it.
 */
export function claimTimeline(source: { publishedAt: string | null; by: string; href: string | null; title: string; passage: string } | null, rows: FramingRow[]): TimelineStep[] {
  const timeline: TimelineStep[] = [];
  if (source) {
    timeline.push({
      key: "source",
      kind: "source",
      publishedAt: source.publishedAt,
      by: source.by,
      href: source.href,
      title: source.title,
      exact: source.passage,
      diff: [{ op: "equal", text: source.passage }],
    });
  }
  const byArticle = new Map<string, FramingRow[]>();
  for (const row of rows) {
    const list = byArticle.get(row.articleId);
    if (list) list.push(row);
    else byArticle.set(row.articleId, [row]);
  }
  let previous: string | null = source?.passage ?? null;
  for (const sameArticle of byArticle.values()) {
    const statements = sameArticle.filter((o) => o.kind === "statement");
    const best = (statements.length ? statements : sameArticle).reduce((a, b) => (b.exact.length > a.exact.length ? b : a));
    timeline.push({
      key: best.quoteId,
      kind: "article",
      publishedAt: best.article.publishedAt,
      by: best.outlet.name,
      href: `/articles/${best.article.slug}`,
      title: best.article.title,
      exact: best.exact,
      diff: previous === null ? [{ op: "equal", text: best.exact }] : wordDiff(previous, best.exact),
    });
    previous = best.exact;
  }
  return timeline;
}
