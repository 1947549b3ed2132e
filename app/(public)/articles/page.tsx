import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDate, plural } from "@/components/format";
import { listArticles } from "@/lib/articles";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  await connection();
  const articles = await listArticles({ take: 200 });
  return (
    <>
      <h1>Articles</h1>
      <p className="lede">Every article in the corpus, newest first.</p>
      {articles.length === 0 ? (
        <p className="empty">No articles yet.</p>
      ) : (
        <ul className="list">
          {articles.map((a) => (
            <li key={a.id}>
              <Link href={`/articles/${a.slug}`}>{a.title}</Link>
              <div className="muted small">
                {a.outlet.name} · {formatDate(a.publishedAt)} · {plural(a._count.quotes, "quote")}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
