import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BarList } from "@/app/(public)/outlets/[slug]/_components/bar-list";
import { ClaimCard } from "@/components/claim-card";
import { formatDate, plural } from "@/components/format";
import { getOutletProfile } from "@/lib/outlets";

// One database read per request for the metadata and the page.
const getOutlet = cache(getOutletProfile);

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await getOutlet((await params).slug);
  if (!profile) return { title: "Outlet not found" };
  return {
    title: profile.outlet.name,
    description: `How ${profile.outlet.name} quotes and frames the claims it reports.`,
    alternates: { types: { "application/atom+xml": [{ url: `/feed.xml?outlet=${encodeURIComponent(profile.outlet.slug)}`, title: `Claim reviews quoted by ${profile.outlet.name}` }] } },
  };
}

export default async function OutletPage({ params }: Props) {
  await connection();
  const profile = await getOutlet((await params).slug);
  if (!profile) notFound();
  const { outlet, framing } = profile;
  // Fidelity shares are over the reviewed quotes checked against a source; the headline share over all reviewed quotes.
  const pct = (n: number) => (framing.checked ? `${Math.round((100 * n) / framing.checked)}%` : "–");
  const pctOfAll = (n: number) => (framing.quotes ? `${Math.round((100 * n) / framing.quotes)}%` : "–");
  return (
    <>
      <div className="page-head">
        <p className="eyebrow">Outlet</p>
        <h1>{outlet.name}</h1>
        <p className="muted">{[outlet.domain, outlet.country].filter(Boolean).join(" · ")}</p>
        {outlet.description && <p className="lede">{outlet.description}</p>}
      </div>
      <section aria-labelledby="framing-heading">
        <h2 id="framing-heading">How it quotes</h2>
        <p className="muted small" data-testid="outlet-basis">
          Over the {plural(framing.quotes, "reviewed quote")} of published claims in its articles; fidelity over the {framing.checked} of them checked against a source
          {framing.quotes > framing.checked ? ` (${framing.quotes - framing.checked} unchecked: no source on file)` : ""}.
        </p>
        <div className="stats">
          <div className="card">
            <div className="stat__label">Faithful quotes</div>
            <div className="stat">{pct(framing.faithful)}</div>
            <div className="muted small">verbatim or trimmed</div>
          </div>
          <div className="card">
            <div className="stat__label">Verbatim</div>
            <div className="stat">{pct(framing.fidelity.verbatim)}</div>
          </div>
          <div className="card">
            <div className="stat__label">Altered</div>
            <div className="stat">{pct(framing.fidelity.altered)}</div>
          </div>
          <div className="card">
            <div className="stat__label">In headlines</div>
            <div className="stat">{pctOfAll(framing.inHeadline)}</div>
          </div>
        </div>
        <div className="two-col">
          <div>
            <h3>Attribution verbs</h3>
            {framing.verbs.length ? (
              <BarList label="Attribution verbs by use" items={framing.verbs.map((v) => ({ label: `“${v.verb}”`, value: v.count }))} />
            ) : (
              <p className="muted small">No attribution verbs recorded.</p>
            )}
          </div>
          <div>
            <h3>Hedges</h3>
            {framing.hedges.length ? (
              <BarList label="Hedging words by use" items={framing.hedges.map((h) => ({ label: `“${h.hedge}”`, value: h.count }))} />
            ) : (
              <p className="muted small">No hedging words around its quotes.</p>
            )}
          </div>
        </div>
      </section>
      <section className="section" aria-labelledby="claims-heading">
        <h2 id="claims-heading">Claims it carried</h2>
        {profile.claims.length ? (
          <ul className="claim-list">
            {profile.claims.map((c) => (
              <li key={c.id}>
                <ClaimCard claim={c} headingLevel={3} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No published claims quote this outlet yet.</p>
        )}
      </section>
      <section className="section" aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles</h2>
        <ul className="list">
          {profile.articles.map((a) => (
            <li key={a.slug}>
              <Link href={`/articles/${a.slug}`}>{a.title}</Link>
              <div className="muted small">
                {formatDate(a.publishedAt)} · {plural(a.quotes, "quote")}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
