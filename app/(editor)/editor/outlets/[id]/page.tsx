import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate } from "@/components/format";
import { HistoryList } from "@/app/(editor)/editor/_components/history-list";
import { requireEditor } from "@/lib/auth";
import { getOutletForEditor, getOutletHistory, getOutletMerge, listOutletOptions } from "@/lib/outlets";
import { EditOutletForm, MergeOutletForm } from "../_components/outlet-form";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ merged?: string | string[] }> };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const metadata: Metadata = { title: "Outlet" };

export default async function OutletPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireEditor(`/editor/outlets/${id}`);
  const outlet = await getOutletForEditor(id);
  if (!outlet) notFound();
  const { merged } = await searchParams;
  const [history, others, merge] = await Promise.all([getOutletHistory(id), listOutletOptions(), typeof merged === "string" ? getOutletMerge(id, merged) : null]);
  return (
    <>
      <p className="eyebrow">
        <Link href="/editor/outlets">Outlets</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{outlet.name}</h1>
          {outlet.domain && <p className="lede">{[outlet.domain, ...outlet.otherDomains].join(" · ")}</p>}
        </div>
        <div className="toolbar">
          <Link className="button button--secondary button--small" href={`/outlets/${outlet.slug}`}>
            Public page
          </Link>
        </div>
      </div>
      {merge && (
        <p className="notice notice--ok" role="status">
          Merged “{merge.name}” into {outlet.name}: {count(merge.articles, "article", "articles")} and {count(merge.feeds, "watched feed", "watched feeds")} moved here, and its domains and
          public address now lead here.
        </p>
      )}
      <div className="claim-grid">
        <div className="stack">
          <section className="card">
            <h2>
              {outlet._count.articles} {outlet._count.articles === 1 ? "article" : "articles"}, {outlet._count.feeds} watched {outlet._count.feeds === 1 ? "feed" : "feeds"}
            </h2>
            <ul className="list">
              {outlet.articles.map((a) => (
                <li key={a.id}>
                  <Link href={`/editor/articles/${a.id}`}>{a.title}</Link> <span className="muted small">{formatDate(a.publishedAt?.toISOString() ?? null)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section className="card">
            <h2>History</h2>
            <HistoryList events={history} />
          </section>
        </div>
        <aside className="stack">
          <section className="card">
            <h2>Edit</h2>
            <EditOutletForm
              outlet={{
                id: outlet.id,
                version: outlet.version,
                name: outlet.name,
                domain: outlet.domain ?? "",
                otherDomains: outlet.otherDomains.join("\n"),
                homepage: outlet.homepage ?? "",
                country: outlet.country ?? "",
                description: outlet.description ?? "",
              }}
            />
          </section>
          <section className="card">
            <h2>Merge</h2>
            <MergeOutletForm
              outlet={{ id: outlet.id, version: outlet.version, name: outlet.name }}
              others={others.filter((o) => o.id !== outlet.id)}
              articles={outlet._count.articles}
              feeds={outlet._count.feeds}
            />
          </section>
        </aside>
      </div>
    </>
  );
}
