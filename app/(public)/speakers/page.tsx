import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { plural } from "@/components/format";
import { listSpeakers } from "@/lib/speakers";
import { SPEAKER_KIND_LABELS } from "@/lib/validation/speaker";

export const metadata: Metadata = { title: "Speakers", description: "The people and institutions whose claims the news quotes." };


export default async function SpeakersPage() {
  await connection();
  const speakers = await listSpeakers();
  return (
    <>
      <div className="page-head">
        <h1>Speakers</h1>
        <p className="lede">Who made the claims, and how often the news quoted them.</p>
      </div>
      <div className="grid grid--2">
        {speakers.map((s) => (
          <article key={s.slug} className="card">
            <h2>
              <Link className="card__title" href={`/speakers/${s.slug}`}>
                {s.name}
              </Link>
            </h2>
            <p className="card__meta">
              {s.title ? `${s.title} · ` : ""}{SPEAKER_KIND_LABELS[s.kind]} · {plural(s.claims, "published claim")} · {plural(s.quotes, "quote")}
            </p>
            {s.description && <p className="small">{s.description}</p>}
          </article>
        ))}
      </div>
    </>
  );
}
