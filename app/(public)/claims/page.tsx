import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { ClaimCard } from "@/components/claim-card";
import { plural } from "@/components/format";
import { Pagination, queryString } from "@/components/pagination";
import { getClaimFacets, listPublishedClaimsPage, SPEAKER_FACET_SIZE } from "@/lib/claims";
import { claimListSchema } from "@/lib/validation/api";
import { firstValues } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Claims", description: "Published claim reviews: how outlets quoted and framed each claim." };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClaimsPage({ searchParams }: Props) {
  const raw = firstValues(await searchParams);
  const parsed = claimListSchema.safeParse({ ...raw, perPage: 20 });
  const input = parsed.success ? parsed.data : claimListSchema.parse({});
  const filters = { tag: input.tag, speaker: input.speaker, outlet: input.outlet, verdict: input.verdict };
  const [result, facets] = await Promise.all([listPublishedClaimsPage(filters, input.page, 20), getClaimFacets(filters.speaker)]);
  const filtered = Object.values(filters).some(Boolean);
  const select = (name: keyof typeof filters, label: string, options: { name: string; slug: string }[], hint?: ReactNode) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={filters[name] ?? ""} aria-describedby={hint ? `filter-${name}-hint` : undefined}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
      {hint && (
        <p className="field__hint" id={`filter-${name}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );

  return (
    <>
      <div className="page-head">
        <h1>Claims</h1>
        <p className="lede">Every published claim review: the claim, its verdict, and how each outlet quoted and framed it.</p>
      </div>
      {!parsed.success && (
        <p className="notice notice--error" role="alert">
          Some filters were not understood and were ignored.
        </p>
      )}
      <form className="filters" method="get" action="/claims" aria-label="Filter claims">
        {select("tag", "Tag", facets.tags)}
        {select(
          "speaker",
          "Speaker",
          facets.speakers,
          facets.moreSpeakers && (
            <>
              The {SPEAKER_FACET_SIZE} with the most claims. <Link href="/speakers">Every speaker</Link>
            </>
          ),
        )}
        {select("outlet", "Outlet", facets.outlets)}
        {select("verdict", "Verdict", facets.verdicts)}
        <div className="filters__actions">
          <button className="button" type="submit">
            Filter
          </button>
          {filtered && <Link href="/claims">Clear</Link>}
        </div>
      </form>
      <p className="result-count" role="status">
        {plural(result.total, "claim")}
        {filtered ? " match these filters" : " published"}
      </p>
      {result.items.length === 0 ? (
        <p className="empty">
          {filtered ? "No published claim matches these filters." : "There are no published claims yet. Editors publish claims once they have reviewed the quotes that carry them."}
        </p>
      ) : (
        <ul className="claim-list">
          {result.items.map((c) => (
            <li key={c.id}>
              <ClaimCard claim={c} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={(page) => `/claims${queryString({ ...filters, page: page > 1 ? page : undefined })}`} />
    </>
  );
}
