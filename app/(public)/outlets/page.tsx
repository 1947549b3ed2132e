import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { plural } from "@/components/format";
import { listOutletsWithStats } from "@/lib/outlets";

export const metadata: Metadata = { title: "Outlets", description: "The news outlets whose quotes Claimscope reviews, and how faithfully they quote." };

export default async function OutletsPage() {
  await connection();
  const outlets = await listOutletsWithStats();
  return (
    <>
      <div className="page-head">
        <h1>Outlets</h1>
        <p className="lede">Each outlet&apos;s articles, the claims it carried, and how it tends to quote and frame them.</p>
      </div>
      <div className="grid grid--2">
        {outlets.map((o) => (
          <article key={o.id} className="card">
            <h2>
              <Link className="card__title" href={`/outlets/${o.slug}`}>
                {o.name}
              </Link>
            </h2>
            <p className="card__meta">
              {[o.domain, o.country].filter(Boolean).join(" · ")} · {plural(o.articleCount, "article")}
            </p>
            {o.description && <p>{o.description}</p>}
            <p className="small">
              {o.checked > 0 ? (
                <>
                  {plural(o.quotes, "reviewed quote")} of published claims;{" "}
                  <strong>{Math.round((100 * o.faithful) / o.checked)}% faithful</strong> (verbatim or trimmed) of the {o.checked} checked against a source.
                </>
              ) : o.quotes > 0 ? (
                <span className="muted">{plural(o.quotes, "reviewed quote")} of published claims, none checked against a source yet.</span>
              ) : (
                <span className="muted">No reviewed quotes of published claims yet.</span>
              )}
            </p>
          </article>
        ))}
      </div>
    </>
  );
}
