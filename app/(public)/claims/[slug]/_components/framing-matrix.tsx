import Link from "next/link";
import { FidelityBadge } from "@/app/(public)/claims/[slug]/_components/fidelity-badge";
import { formatDate } from "@/components/format";
import { TagChip } from "@/components/tag-chip";
import { WordDiffView } from "@/app/(public)/claims/[slug]/_components/word-diff-view";
import type { FramingRow } from "@/lib/claim-page-framing";

function position(row: FramingRow): string {
  if (row.paragraph === null) return "unknown";
  if (row.paragraph === 0) return "headline";
  return `¶ ${row.paragraph} of ${row.paragraphCount}`;
}

/**
 * One row per quote: the outlet's exact wording diffed against the source, and
 * how it framed it. A table on wide screens; each row becomes a card on a phone
 * (the cells carry their column name for that).
 */
export function FramingMatrix({ rows, hasCounterClaim }: { rows: FramingRow[]; hasCounterClaim: boolean }) {
  return (
    <div className="matrix-wrap">
      <table className="table matrix">
        <caption className="sr-only">How each outlet quoted and framed the claim</caption>
        <thead>
          <tr>
            <th scope="col">Outlet</th>
            <th scope="col">Wording</th>
            <th scope="col">Fidelity</th>
            <th scope="col">Verb</th>
            <th scope="col">Headline</th>
            <th scope="col">Position</th>
            <th scope="col">Hedges</th>
            {hasCounterClaim && <th scope="col">Counter-claim</th>}
            <th scope="col">Framing</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.quoteId} data-testid="framing-row">
              <th scope="row" className="matrix__outlet">
                <Link href={`/outlets/${row.outlet.slug}`} className="matrix__outlet-name">
                  {row.outlet.name}
                </Link>
                <Link href={`/articles/${row.article.slug}`} className="matrix__article small">
                  {row.article.title}
                </Link>
                <span className="muted small">{formatDate(row.article.publishedAt)}</span>
              </th>
              <td data-label="Wording" className="matrix__wording">
                <q className="matrix__quote" data-testid="matrix-wording" data-quote-id={row.quoteId}>
                  <WordDiffView parts={row.diff} elideEnds />
                </q>
                {row.cue && <div className="muted small matrix__cue">Attribution: “{row.cue}”</div>}
              </td>
              <td data-label="Fidelity">
                <FidelityBadge fidelity={row.fidelity} />
              </td>
              <td data-label="Verb">{row.verb ? <span className="verb">{row.verb}</span> : <span className="muted">none</span>}</td>
              <td data-label="Headline">{row.inHeadline ? <strong>Yes</strong> : "No"}</td>
              <td data-label="Position">{position(row)}</td>
              <td data-label="Hedges">
                {row.hedges.length ? (
                  <ul className="inline-list">
                    {row.hedges.map((h) => (
                      <li key={h} className="hedge">
                        {h}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
              {hasCounterClaim && (
                <td data-label="Counter-claim">
                  {row.counter ? (
                    <span title={row.counter.exact}>
                      Yes,{" "}
                      {row.counter.inHeadline || row.counter.paragraph === 0
                        ? "in the headline"
                        : row.counter.paragraph !== null
                          ? `¶ ${row.counter.paragraph}`
                          : "position unknown"}
                      {row.counter.claim && (
                        <>
                          {" "}
                          (<Link href={`/claims/${row.counter.claim.slug}`}>read</Link>)
                        </>
                      )}
                    </span>
                  ) : (
                    <span className="muted">Not carried</span>
                  )}
                </td>
              )}
              <td data-label="Framing">
                {row.framingTags.length ? (
                  <ul className="inline-list">
                    {row.framingTags.map((t) => (
                      <li key={t.slug}>
                        <TagChip tag={t} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
