import { Suspense } from "react";
import { cacheLife, cacheTag } from "next/cache";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pool = require("../../../db.js");

/** The claim with its first 50 public quotes, rendered and cached whole ('use cache' on the component). */
async function Claim({ slug }: { slug: string }) {
  "use cache";
  cacheTag(`claim:${slug}`);
  cacheLife({ stale: 60, revalidate: 3600, expire: 86400 });
  const claim = (await pool.query(`SELECT c.id, c.canonical, c.summary, s.name AS speaker FROM "Claim" c LEFT JOIN "Speaker" s ON s.id = c."speakerId" WHERE c.slug = $1`, [slug])).rows[0];
  if (!claim) return <p>Not found</p>;
  const quotes = (await pool.query(`SELECT q.id, q.exact, a.title, a.slug, o.name AS outlet FROM "Quote" q JOIN "Article" a ON a.id = q."articleId" JOIN "Outlet" o ON o.id = a."outletId" WHERE q."claimId" = $1 AND q."reviewStatus" = 'confirmed' ORDER BY q.id LIMIT 50`, [claim.id])).rows;
  return (
    <article>
      <h1>{claim.canonical}</h1>
      <p>{claim.speaker}</p>
      {claim.summary && <p>{claim.summary}</p>}
      <ol>{quotes.map((q: { id: string; exact: string; title: string; slug: string; outlet: string }) => (
        <li key={q.id}><blockquote>{q.exact}</blockquote><a href={`/articles/${q.slug}`}>{q.title}</a> · {q.outlet}</li>))}
      </ol>
    </article>
  );
}

async function ClaimFromParams({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <Claim slug={slug} />;
}

export default function Page({ params }: { params: Promise<{ slug: string }> }) {
  return <Suspense fallback={null}><ClaimFromParams params={params} /></Suspense>;
}
