import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/format";
import { requireEditor } from "@/lib/auth";
import { listArticlesForEditor } from "@/lib/article-workspace";
import { ListSearch } from "@/app/(editor)/editor/_components/list-search";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireEditor("/editor/articles");
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 200) : undefined;
  const articles = await listArticlesForEditor({ q: query });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Articles</h1>
          <p className="lede">Open an article to review its quotes, mark new ones and annotate.</p>
        </div>
        <div className="toolbar">
          <ListSearch query={query} label="Search titles" placeholder="Search titles" />
          <Link className="button button--small" href="/editor/import">
            Import
          </Link>
        </div>
      </div>
      {articles.length === 0 ? (
        <p className="empty">{query ? "No article title matches that search." : "No articles yet. Import one to start."}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Article</th>
                <th>Outlet</th>
                <th>Published</th>
                <th>Quotes</th>
                <th>To review</th>
                <th>Notes</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/editor/articles/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>
                    <Link href={`/editor/outlets/${a.outlet.id}`}>{a.outlet.name}</Link>
                  </td>
                  <td className="nowrap">{formatDate(a.publishedAt)}</td>
                  <td>{a._count.quotes}</td>
                  <td>{a.quotes.length > 0 ? <span className="badge badge--warn">{a.quotes.length}</span> : <span className="muted">—</span>}</td>
                  <td>{a._count.annotations || <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
