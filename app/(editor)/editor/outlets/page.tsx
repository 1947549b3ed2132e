import type { Metadata } from "next";
import Link from "next/link";
import { requireEditor } from "@/lib/auth";
import { listOutletsForEditor } from "@/lib/outlets";
import { ListSearch } from "@/app/(editor)/editor/_components/list-search";

export const metadata: Metadata = { title: "Outlets" };

export default async function OutletsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireEditor("/editor/outlets");
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : undefined;
  const outlets = await listOutletsForEditor({ q: query });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Outlets</h1>
          <p className="lede">The news outlets articles come from. An imported link finds its outlet by domain.</p>
        </div>
        <div className="toolbar">
          <ListSearch query={query} label="Search outlets" placeholder="Name or domain" />
        </div>
      </div>
      {outlets.length === 0 ? (
        <p className="empty">{query ? "No outlet matches that search." : "No outlets yet. Importing an article adds its outlet."}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Outlet</th>
                <th>Domains</th>
                <th>Articles</th>
                <th>Feeds</th>
              </tr>
            </thead>
            <tbody>
              {outlets.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link href={`/editor/outlets/${o.id}`}>{o.name}</Link>
                  </td>
                  <td>{o.domain ? [o.domain, ...o.otherDomains].join(", ") : <span className="muted">none</span>}</td>
                  <td>{o.articles}</td>
                  <td>{o.feeds}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
