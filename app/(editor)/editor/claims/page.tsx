import type { Metadata } from "next";
import Link from "next/link";
import { NewClaimForm } from "@/app/(editor)/editor/claims/_components/new-claim-form";
import { ClaimStatusBadge } from "@/app/(editor)/editor/_components/status-badge";
import { requireEditor } from "@/lib/auth";
import { listClaimsForEditor } from "@/lib/claim-edits";
import { listSpeakerOptions } from "@/lib/quotes";
import { claimStatusValues } from "@/lib/validation/claim";

export const metadata: Metadata = { title: "Claims" };

const FILTERS = [
  { value: "", label: "All" },
  { value: "draft", label: "Draft" },
  { value: "in_review", label: "In review" },
  { value: "published", label: "Published" },
];

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<{ status?: string; q?: string }> }) {
  await requireEditor("/editor/claims");
  const params = await searchParams;
  const status = claimStatusValues.find((s) => s === params.status);
  const q = typeof params.q === "string" ? params.q.slice(0, 200) : undefined;
  const [claims, speakers] = await Promise.all([listClaimsForEditor({ status, q }), listSpeakerOptions()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Claims</h1>
          <p className="lede">Group quotes into claims, rate them and publish.</p>
        </div>
      </div>
      <div className="claim-grid">
        <div>
          <div className="row" style={{ marginBottom: "0.75rem" }}>
            <nav className="tabs" aria-label="Filter by status" style={{ margin: 0 }}>
              {FILTERS.map((f) => {
                const href = `/editor/claims?${new URLSearchParams({ ...(f.value ? { status: f.value } : {}), ...(q ? { q } : {}) })}`;
                return (
                  <Link key={f.value} href={href} className="tab-link" aria-current={(status ?? "") === f.value ? "page" : undefined}>
                    {f.label}
                  </Link>
                );
              })}
            </nav>
            <span className="spacer" />
            <form role="search" className="row">
              {status && <input type="hidden" name="status" value={status} />}
              <input name="q" defaultValue={q} aria-label="Search claims" placeholder="Search wording" className="select-small" />
              <button className="button button--secondary button--small" type="submit">
                Search
              </button>
            </form>
          </div>
          {claims.length === 0 ? (
            <p className="empty">No claims match. Start one from a quote in the review queue, or with the form.</p>
          ) : (
            <div className="card">
            <ul className="list" aria-label="Claims">
              {claims.map((c) => (
                <li key={c.id}>
                  <div className="row" style={{ alignItems: "flex-start", flexWrap: "nowrap" }}>
                    <Link href={`/editor/claims/${c.id}`} className="claim-link" style={{ flex: 1, minWidth: 0 }}>
                      {c.canonical}
                    </Link>
                    <ClaimStatusBadge status={c.status} />
                  </div>
                  <div className="queue-item__meta" style={{ marginTop: "0.3rem" }}>
                    <span>{c.speaker?.name ?? "no speaker"}</span>
                    <span>
                      {c._count.quotes} {c._count.quotes === 1 ? "quote" : "quotes"}
                    </span>
                    <span>{c.rating ? `Verdict: ${c.rating.verdictLabel.name}` : "not rated"}</span>
                    {c.tags.map((t) => (
                      <span key={t.tag.id} className="chip">
                        <span className="chip__dot" style={{ background: t.tag.colour }} aria-hidden="true" />
                        {t.tag.name}
                      </span>
                    ))}
                    <span>updated {when.format(c.updatedAt)}</span>
                  </div>
                </li>
              ))}
            </ul>
            </div>
          )}
        </div>
        <aside className="card">
          <h2>New claim</h2>
          <NewClaimForm speakers={speakers} />
        </aside>
      </div>
    </>
  );
}
