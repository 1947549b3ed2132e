import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/format";
import { requireEditor } from "@/lib/auth";
import { listSpeakerOptions } from "@/lib/quotes";
import { listSourceDocumentsForEditor } from "@/lib/source-documents";
import { SourceForm } from "./_components/source-form";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  await requireEditor("/editor/sources");
  const [sources, speakers] = await Promise.all([listSourceDocumentsForEditor(), listSpeakerOptions()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Sources</h1>
          <p className="lede">Primary sources — reports, statements, transcripts — that quotes are checked against.</p>
        </div>
      </div>
      <div className="claim-grid">
        <section>
          {sources.length === 0 ? (
            <p className="empty">No sources yet. Without one, quotes are not checked: their fidelity is “unchecked”.</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>Source</th>
                    <th>Issued by</th>
                    <th>Date</th>
                    <th>Pages</th>
                    <th>Claims</th>
                  </tr>
                </thead>
                <tbody>
                  {sources.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link href={`/editor/sources/${s.id}`}>{s.title}</Link> <span className="badge">{s.format.toUpperCase()}</span>
                      </td>
                      <td>{s.speaker?.name ?? <span className="muted">none</span>}</td>
                      <td>{formatDate(s.publishedAt?.toISOString() ?? null)}</td>
                      <td>{s.pageStarts.length || <span className="muted">–</span>}</td>
                      <td>{s._count.claims}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <aside className="card">
          <h2>New source</h2>
          <SourceForm speakers={speakers} />
        </aside>
      </div>
    </>
  );
}
