import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/app/(editor)/editor/_components/history-list";
import { ClaimStatusBadge } from "@/app/(editor)/editor/_components/status-badge";
import { requireEditor } from "@/lib/auth";
import { listSpeakerOptions } from "@/lib/quotes";
import { getSpeakerForEditor, getSpeakerHistory } from "@/lib/speakers";
import { countryName } from "@/lib/countries";
import { SPEAKER_KIND_LABELS } from "@/lib/validation/speaker";
import { EditSpeakerForm, MergeSpeakerForm } from "../_components/speaker-forms";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Speaker" };

export default async function SpeakerPage({ params }: Props) {
  const { id } = await params;
  await requireEditor(`/editor/speakers/${id}`);
  const speaker = await getSpeakerForEditor(id);
  if (!speaker) notFound();
  const [others, history] = await Promise.all([listSpeakerOptions(), getSpeakerHistory(id)]);
  const { _count: count } = speaker;
  return (
    <>
      <p className="eyebrow">
        <Link href="/editor/speakers">Speakers</Link> · {SPEAKER_KIND_LABELS[speaker.kind]}
        {speaker.country && ` · ${countryName(speaker.country) ?? speaker.country}`}
      </p>
      <div className="page-head">
        <div>
          <h1>{speaker.name}</h1>
          {speaker.title && <p className="lede">{speaker.title}</p>}
          {speaker.acronyms.length > 0 && <p className="muted small">Acronyms: {speaker.acronyms.join(", ")}</p>}
        </div>
        <div className="toolbar">
          <Link className="button button--secondary button--small" href={`/speakers/${speaker.slug}`}>
            Public page
          </Link>
        </div>
      </div>
      <div className="claim-grid">
        <div className="stack">
          <section className="card">
            <h2>
              {count.quotes} {count.quotes === 1 ? "quote" : "quotes"}, {count.claims} {count.claims === 1 ? "claim" : "claims"}, {count.documents}{" "}
              {count.documents === 1 ? "source" : "sources"}
            </h2>
            <ul className="list">
              {speaker.claims.map((claim) => (
                <li key={claim.id}>
                  <span className="badge">claim</span> <Link href={`/editor/claims/${claim.id}`}>{claim.canonical}</Link> <ClaimStatusBadge status={claim.status} />
                </li>
              ))}
              {speaker.quotes.map((quote) => (
                <li key={quote.id}>
                  <span className="badge">quote</span> <Link href={`/editor/quotes/${quote.id}`}>“{quote.exact.slice(0, 120)}”</Link>{" "}
                  <span className="muted small">
                    in <Link href={`/editor/articles/${quote.article.id}`}>{quote.article.title}</Link>
                  </span>
                </li>
              ))}
              {speaker.documents.map((doc) => (
                <li key={doc.id}>
                  <span className="badge">source</span> <Link href={`/editor/sources/${doc.id}`}>{doc.title}</Link>
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
            <EditSpeakerForm
              speaker={{
                id: speaker.id,
                version: speaker.version,
                name: speaker.name,
                kind: speaker.kind,
                title: speaker.title ?? "",
                country: speaker.country ? (countryName(speaker.country) ?? speaker.country) : "",
                aliases: speaker.aliases.join("\n"),
                acronyms: speaker.acronyms.join("\n"),
              }}
            />
          </section>
          <section className="card">
            <h2>Merge</h2>
            <MergeSpeakerForm speaker={{ id: speaker.id, version: speaker.version, name: speaker.name }} others={others.filter((s) => s.id !== speaker.id)} uses={count.quotes + count.claims + count.documents} />
          </section>
        </aside>
      </div>
    </>
  );
}
