import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleWorkspace } from "@/app/(editor)/editor/articles/[id]/_components/article-workspace";
import { formatDate } from "@/components/format";
import { HistoryList } from "@/app/(editor)/editor/_components/history-list";
import { requireEditor } from "@/lib/auth";
import { getArticleWorkspace } from "@/lib/article-workspace";
import { listClaimOptions } from "@/lib/claim-edits";
import { getArticleHistory } from "@/lib/audit";
import { listSpeakerOptions } from "@/lib/quotes";
import { pageCitation } from "@/lib/source-pages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleWorkspace((await params).id);
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticleWorkspacePage({ params }: Props) {
  const { id } = await params;
  await requireEditor(`/editor/articles/${id}`);
  const article = await getArticleWorkspace(id);
  if (!article) notFound();
  const [speakers, claims, history] = await Promise.all([listSpeakerOptions(), listClaimOptions(), getArticleHistory(id)]);
  const suggested = article.quotes.filter((q) => q.reviewStatus === "suggested").length;
  return (
    <>
      <p className="eyebrow">
        <Link href="/editor/articles">Articles</Link> · <Link href={`/editor/outlets/${article.outlet.id}`}>{article.outlet.name}</Link> · {formatDate(article.publishedAt)}
      </p>
      <div className="page-head">
        <div>
          <h1>{article.title}</h1>
          <p className="muted small" style={{ margin: 0 }}>
            {article.byline ?? "No byline"} · version {article.version}
            {suggested > 0 && (
              <>
                {" · "}
                <Link href={`/editor/review?status=suggested`}>{suggested} suggested {suggested === 1 ? "quote" : "quotes"} to review</Link>
              </>
            )}
          </p>
        </div>
        <div className="toolbar">
          <Link className="button button--secondary button--small" href={`/editor/articles/${article.id}/correct`}>
            Correct the text
          </Link>
          <Link className="button button--secondary button--small" href={`/articles/${article.slug}`}>
            Public page
          </Link>
        </div>
      </div>
      <ArticleWorkspace
        article={{ id: article.id, version: article.version, body: article.body }}
        quotes={article.quotes.map((q) => ({ ...q, page: pageCitation(article.pageStarts, q.start, q.end) }))}
        annotations={article.annotations.map(({ author, ...a }) => ({ ...a, authorName: author?.name ?? null }))}
        speakers={speakers}
        claims={claims}
      />
      {article.captures.length > 0 && (
        <section className="card section" aria-labelledby="captures-heading">
          <h2 id="captures-heading">As fetched from the outlet</h2>
          <ul>
            {article.captures.map((c) => (
              <li key={c.id}>
                {formatDate(c.fetchedAt)}: <span className="muted">{c.finalUrl}</span>
                {c.redirects.length > 0 && <span className="muted small"> (asked for {c.requestedUrl}, {c.redirects.length} redirects)</span>} · HTTP {c.httpStatus} ·{" "}
                {c.mediaType}
                {c.encoding ? `, ${c.encoding}` : ""} · {(c.byteLength / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} KB ·{" "}
                <a href={`/editor/articles/${article.id}/captures/${c.id}`}>{c.mediaType === "application/pdf" ? "Download the PDF as received" : "View the HTML as received"}</a>{" "}
                <span className="muted small">sha256 {c.sha256.slice(0, 16)}…</span>
              </li>
            ))}
          </ul>
          {article.rawText && article.captures[0].mediaType !== "application/pdf" && (
            <details>
              <summary>The page&apos;s HTML{article.rawText.length > 100_000 ? " (first 100,000 characters)" : ""}</summary>
              <pre className="small" style={{ whiteSpace: "pre-wrap", maxHeight: "30rem", overflow: "auto" }}>
                {article.rawText.slice(0, 100_000)}
              </pre>
            </details>
          )}
        </section>
      )}
      <details className="card section">
        <summary>History ({history.length})</summary>
        <HistoryList events={history} recordId={article.id} />
      </details>
    </>
  );
}
