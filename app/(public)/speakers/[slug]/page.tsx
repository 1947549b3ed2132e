import { cache } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ClaimCard } from "@/components/claim-card";
import { formatDate } from "@/components/format";
import { countryName } from "@/lib/countries";
import { getSpeakerProfile } from "@/lib/speakers";
import { SPEAKER_KIND_LABELS } from "@/lib/validation/speaker";

// One database read per request for the metadata and the page.
const getSpeaker = cache(getSpeakerProfile);

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const speaker = await getSpeaker((await params).slug);
  return speaker ? { title: speaker.name, description: `Claims by ${speaker.name} and how the news quoted them.` } : { title: "Speaker not found" };
}

export default async function SpeakerPage({ params }: Props) {
  await connection();
  const speaker = await getSpeaker((await params).slug);
  if (!speaker) notFound();
  return (
    <>
      <div className="page-head">
        <p className="eyebrow">
          Speaker · {SPEAKER_KIND_LABELS[speaker.kind]}
          {speaker.country && countryName(speaker.country) && ` · ${countryName(speaker.country)}`}
        </p>
        <h1>{speaker.name}</h1>
        {speaker.title && <p className="speaker-title">{speaker.title}</p>}
        {speaker.description && <p className="lede">{speaker.description}</p>}
        {speaker.acronyms.length > 0 && (
          <p className="muted small">
            {speaker.acronyms.length === 1 ? "Acronym" : "Acronyms"}:{" "}
            {speaker.acronyms.map((a, i) => (
              <span key={a}>
                {i > 0 && ", "}
                <abbr title={speaker.name}>{a}</abbr>
              </span>
            ))}
          </p>
        )}
        {speaker.aliases.length > 0 && <p className="muted small">Also quoted as: {speaker.aliases.join(", ")}</p>}
      </div>
      {speaker.documents.length > 0 && (
        <section aria-labelledby="docs-heading">
          <h2 id="docs-heading">Source documents</h2>
          <ul className="list">
            {speaker.documents.map((d) => (
              <li key={d.title}>
                {d.url ? (
                  <a href={d.url} rel="noopener noreferrer nofollow">
                    {d.title}
                  </a>
                ) : (
                  d.title
                )}
                <div className="muted small">{formatDate(d.publishedAt)}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="section" aria-labelledby="claims-heading">
        <h2 id="claims-heading">Published claims</h2>
        {speaker.claims.length ? (
          <ul className="claim-list">
            {speaker.claims.map((c) => (
              <li key={c.id}>
                <ClaimCard claim={c} headingLevel={3} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No published claims by this speaker yet.</p>
        )}
      </section>
    </>
  );
}
