import Link from "next/link";
import { connection } from "next/server";
import { plural } from "@/components/format";
import { ArticleList } from "@/components/article-list";
import { listArticles } from "@/lib/articles";
import { listPublishedClaims } from "@/lib/claims";
import { listOutlets } from "@/lib/outlets";

export default async function HomePage() {
  await connection();
  const [claims, articles, outlets] = await Promise.all([listPublishedClaims({ take: 6 }), listArticles({ take: 10 }), listOutlets()]);
  return (
    <>
      <section>
        <p className="eyebrow">Claim tracker</p>
        <h1>How the news quotes official reports</h1>
        <p className="lede">
          Claimscope follows a claim from its source to every outlet that quoted it: who kept the words, who cut
          them, who changed them, and how each framed them.
        </p>
      </section>

      <section className="section" aria-labelledby="claims-heading">
        <div className="section__head">
          <h2 id="claims-heading">Published claims</h2>
          <Link href="/claims">All claims</Link>
        </div>
        {claims.length === 0 ? (
          <p className="empty">No claims have been published yet.</p>
        ) : (
          <div className="grid grid--2">
            {claims.map((claim) => (
              <article key={claim.id} className="card">
                <Link className="card__title" href={`/claims/${claim.slug}`}>
                  {claim.canonical}
                </Link>
                <p className="card__meta">
                  {claim.verdict && <span className="badge badge--accent">{claim.verdict.name}</span>} {claim.speaker?.name ?? "Unattributed"} ·{" "}
                  {plural(claim.quoteCount, "quote")}
                </p>
              </article>
            ))}
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="articles-heading">
        <div className="section__head">
          <h2 id="articles-heading">Latest articles</h2>
          <Link href="/articles">All articles</Link>
        </div>
        <ArticleList articles={articles} />
      </section>

      <section className="section" aria-labelledby="outlets-heading">
        <div className="section__head">
          <h2 id="outlets-heading">Outlets</h2>
          <Link href="/outlets">All outlets</Link>
        </div>
        <div className="grid grid--3">
          {outlets.map((o) => (
            <div key={o.id} className="card">
              <h3>
                <Link className="card__title" href={`/outlets/${o.slug}`}>
                  {o.name}
                </Link>
              </h3>
              <p className="card__meta">
                {o.country} · {plural(o._count.articles, "article")}
              </p>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}
