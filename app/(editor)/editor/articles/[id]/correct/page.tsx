import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CorrectionForm } from "@/app/(editor)/editor/articles/[id]/correct/_components/correction-form";
import { requireEditor } from "@/lib/auth";
import { getArticleWorkspace } from "@/lib/article-workspace";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Correct an article" };

export default async function CorrectArticlePage({ params }: Props) {
  const { id } = await params;
  await requireEditor(`/editor/articles/${id}/correct`);
  const article = await getArticleWorkspace(id);
  if (!article) notFound();
  return (
    <>
      <p className="eyebrow">
        <Link href={`/editor/articles/${article.id}`}>{article.title}</Link>
      </p>
      <h1>Correct the article text</h1>
      <p className="lede">
        Fix extraction errors or apply the outlet’s own correction. Every quote and annotation is re-anchored: kept where the words are
        unchanged, found again (and marked “fuzzy”) where they changed a little, and marked orphaned where they are gone — never moved
        silently.
      </p>
      <CorrectionForm
        article={{ id: article.id, version: article.version, body: article.body }}
        anchors={article.quotes.length + article.annotations.length}
      />
    </>
  );
}
