import Link from "next/link";
import { formatDate, plural } from "@/components/format";
import { TagChip } from "@/components/tag-chip";
import type { ClaimListItem } from "@/lib/claims";

export function ClaimCard({ claim, headingLevel = 2 }: { claim: ClaimListItem; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="claim-card">
      <Heading style={{ fontSize: "inherit", margin: 0 }}>
        <Link className="claim-card__title" href={`/claims/${claim.slug}`}>
          {claim.canonical}
        </Link>
      </Heading>
      <div className="claim-card__meta">
        {claim.verdict && <span className="badge badge--accent">{claim.verdict.name}</span>}
        <span>{claim.speaker?.name ?? "Unattributed"}</span>
        <span aria-hidden="true">·</span>
        <span>{plural(claim.quoteCount, "quote")}</span>
        <span aria-hidden="true">·</span>
        <span>{formatDate(claim.publishedAt)}</span>
        {claim.tags.length > 0 && (
          <ul className="inline-list" aria-label="Tags">
            {claim.tags.map((t) => (
              <li key={t.slug}>
                <TagChip tag={t} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
