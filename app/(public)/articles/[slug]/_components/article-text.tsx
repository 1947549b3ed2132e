import Link from "next/link";
import { segmentBody } from "@/lib/anchoring/segments";

export interface HighlightedQuote {
  id: string;
  start: number;
  end: number;
  /** Set only when the claim is public. */
  claimSlug: string | null;
  speakerName: string | null;
}

/**
 * The article snapshot as paragraphs, with quoted spans marked. The first
 * paragraph is the headline (the snapshot keeps it as its first line).
 */
export function ArticleText({ body, quotes, skipHeadline = true }: { body: string; quotes: HighlightedQuote[]; skipHeadline?: boolean }) {
  const paragraphs = segmentBody(
    body,
    quotes.map((q) => ({ start: q.start, end: q.end, data: q })),
  );
  const shown = skipHeadline ? paragraphs.slice(1) : paragraphs;
  // The first run of each quote carries its anchor (#quote-ID) for links from search and claim pages.
  const anchored = new Set<string>();
  return (
    <div className="article-body">
      {shown.map((p) => (
        <p key={p.start}>
          {p.runs.map((run) => {
            const quote = run.spans[0]?.data;
            if (!quote) return <span key={run.start}>{run.text}</span>;
            const label = quote.speakerName ? `Quote attributed to ${quote.speakerName}` : "Quote";
            return (
              <mark
                key={run.start}
                title={label}
                data-quote-id={quote.id}
                id={anchored.has(quote.id) ? undefined : (anchored.add(quote.id), `quote-${quote.id}`)}
              >
                {quote.claimSlug ? (
                  <Link href={`/claims/${quote.claimSlug}`}>{run.text}</Link>
                ) : (
                  run.text
                )}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
}
