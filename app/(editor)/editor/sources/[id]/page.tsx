import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireEditor } from "@/lib/auth";
import { listClaimOptions } from "@/lib/claim-edits";
import { listSpeakerOptions } from "@/lib/quotes";
import { getSourceDocumentForEditor } from "@/lib/source-documents";
import { SourceForm } from "../_components/source-form";
import { SourcePassageLinker } from "../_components/source-passage-linker";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ added?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await getSourceDocumentForEditor((await params).id);
  return { title: source ? `Source: ${source.title.slice(0, 60)}` : "Source" };
}

export default async function SourcePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireEditor(`/editor/sources/${id}`);
  const source = await getSourceDocumentForEditor(id);
  if (!source) notFound();
  const [speakers, claims, { added }] = await Promise.all([listSpeakerOptions(), listClaimOptions(), searchParams]);
  const format = source.format === "pdf" || source.format === "html" ? source.format : "text";
  return (
    <>
      <p className="eyebrow">
        <Link href="/editor/sources">Sources</Link>
        {source.speaker && (
          <>
            {" · "}
            <Link href={`/editor/speakers/${source.speaker.id}`}>{source.speaker.name}</Link>
          </>
        )}
      </p>
      <div className="page-head">
        <div>
          <h1>{source.title}</h1>
          <p className="muted small">
            {format.toUpperCase()}
            {source.fileName ? ` · ${source.fileName}` : ""}
            {source.pageStarts.length ? ` · ${source.pageStarts.length} pages` : ""} · {(source.text ?? "").length.toLocaleString("en")} characters · version {source.version}
          </p>
          {added && (
            <p className="notice notice--ok" role="status">
              Source added.{source.pageStarts.length ? ` Read from ${source.pageStarts.length} pages; running headers, footers and page numbers left out.` : ""}
            </p>
          )}
        </div>
      </div>
      <SourcePassageLinker
        source={{ id: source.id, version: source.version, text: source.text ?? "", pageStarts: source.pageStarts }}
        claims={claims}
        linked={source.claims}
      />
      <section className="card section">
        <h2>Details and text</h2>
        <SourceForm
          speakers={speakers}
          existing={{
            id: source.id,
            version: source.version,
            title: source.title,
            speakerId: source.speakerId,
            publishedAt: source.publishedAt?.toISOString().slice(0, 10) ?? null,
            url: source.url,
            format,
            fileName: source.fileName,
          }}
        />
      </section>
    </>
  );
}
