import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { plural } from "@/components/format";
import { Pagination } from "@/components/pagination";
import { listSpeakersPage } from "@/lib/speakers";
import { SPEAKER_KIND_LABELS } from "@/lib/validation/speaker";

export const metadata: Metadata = { title: "Speakers", description: "The people and institutions whose claims the news quotes." };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SpeakersPage({ searchParams }: Props) {
  await connection();
  const raw = (await searchParams).page;
  const { speakers, total, page, pageCount } = await listSpeakersPage(Number.parseInt(String(Array.isArray(raw) ? raw[0] : (raw ?? "1")), 10) || 1);
  return (
    <>
      <div className="page-head">
        <h1>Speakers</h1>
        <p className="lede">Who made the claims, and how often the news quoted them.</p>
        {pageCount > 1 && <p className="small">{plural(total, "speaker")}, the most-claimed first.</p>}
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
      <Pagination page={page} pageCount={pageCount} href={(p) => (p > 1 ? `/speakers?page=${p}` : "/speakers")} />
    </>
  );
}
