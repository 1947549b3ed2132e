import Link from "next/link";
import { formatDate, plural } from "@/components/format";
import type { listArticles } from "@/lib/articles";

type ArticleListItem = Awaited<ReturnType<typeof listArticles>>[number];

/** Articles as the reader pages list them: the title (to its page), then outlet · date · public quote count. */
export function ArticleList({ articles }: { articles: ArticleListItem[] }) {
  return (
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
  );
}
