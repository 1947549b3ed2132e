import type { Metadata } from "next";
import Link from "next/link";
import { requireEditor } from "@/lib/auth";
import { listSpeakersForEditor, SPEAKER_LIST_LIMIT } from "@/lib/speakers";
import { SPEAKER_KIND_LABELS } from "@/lib/validation/speaker";
import { ListSearch } from "@/app/(editor)/editor/_components/list-search";

export const metadata: Metadata = { title: "Speakers" };

export default async function SpeakersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requireEditor("/editor/speakers");
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : undefined;
  const { speakers, total } = await listSpeakersForEditor({ q: query });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Speakers</h1>
          <p className="lede">People, organisations, government bodies and document issuers quoted. Correct a name, kind, title, country, acronyms or aliases, or merge a duplicate into the right speaker.</p>
        </div>
        <div className="toolbar">
          <ListSearch query={query} label="Search speakers" placeholder="Name, title, alias or acronym" />
        </div>
      </div>
      {speakers.length === 0 ? (
        <p className="empty">{query ? "No speaker matches that search." : "No speakers yet. Importing an article adds the speakers it quotes."}</p>
      ) : (
        <>
          {total > speakers.length && (
            <p className="muted small">
              The first {SPEAKER_LIST_LIMIT} of {total} speakers: search to narrow the list.
            </p>
          )}
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>Speaker</th>
                  <th>Title or role</th>
                  <th>Kind</th>
                  <th>Quotes</th>
                  <th>Claims</th>
                  <th>Sources</th>
                </tr>
              </thead>
              <tbody>
                {speakers.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link href={`/editor/speakers/${s.id}`}>{s.name}</Link>
                      {s.acronyms.length > 0 && <span className="small"> ({s.acronyms.join(", ")})</span>}
                      {s.aliases.length > 0 && <span className="muted small"> · also {s.aliases.slice(0, 3).join(", ")}</span>}
                    </td>
                    <td>{s.title ?? <span className="muted">–</span>}</td>
                    <td>{SPEAKER_KIND_LABELS[s.kind]}</td>
                    <td>{s.quotes}</td>
                    <td>{s.claims}</td>
                    <td>{s.documents}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
