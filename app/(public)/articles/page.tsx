import type { Metadata } from "next";
import { connection } from "next/server";
import { ArticleList } from "@/components/article-list";
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
        <ArticleList articles={articles} />
      )}
    </>
  );
}
