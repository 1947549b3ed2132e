import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ArticleText } from "@/app/(public)/articles/[slug]/_components/article-text";
import { formatDate, plural } from "@/components/format";
import { getArticleBySlug } from "@/lib/articles";

// One database read per request for the metadata and the page.
const getArticle = cache(getArticleBySlug);

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  const quotes = article.quotes.map((q) => ({
    id: q.id,
    start: q.start,
    end: q.end,
    claimSlug: q.claim?.slug ?? null,
    speakerName: q.speaker?.name ?? null,
  }));
  return (
    <>
      <p className="eyebrow">{article.outlet.name}</p>
      <h1>{article.title}</h1>
      <div className="article-layout">
        <ArticleText body={article.body} quotes={quotes} />
        <aside className="card" aria-label="About this article">
          <dl className="meta-list">
            <dt>Outlet</dt>
            <dd>{article.outlet.name}</dd>
            {article.outlet.country && (
              <>
                <dt>Country</dt>
                <dd>{article.outlet.country}</dd>
              </>
            )}
            <dt>Byline</dt>
            <dd>{article.byline ?? "not given"}</dd>
            <dt>Published</dt>
            <dd>{formatDate(article.publishedAt)}</dd>
            <dt>Language</dt>
            <dd>{article.language}</dd>
            <dt>Quotes</dt>
            <dd>{plural(quotes.length, "quote")}</dd>
            {article.url && (
              <>
                <dt>Original</dt>
                <dd>
                  <a href={article.url} rel="noopener noreferrer nofollow">
                    {new URL(article.url).hostname}
                  </a>
                </dd>
              </>
            )}
          </dl>
          {quotes.length === 0 && <p className="muted small" style={{ marginTop: "1rem" }}>No quotes have been found in this article yet.</p>}
        </aside>
      </div>
    </>
  );
}
