import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/app/(editor)/editor/_components/history-list";
import { Card, RecordPage } from "@/app/(editor)/editor/_components/record-page";
import { ClaimStatusBadge } from "@/app/(editor)/editor/_components/status-badge";
import { DeleteTagButton, EditTagForm, MergeTagForm } from "@/app/(editor)/editor/tags/_components/tag-forms";
import { requireEditor } from "@/lib/auth";
import { getTagHistory } from "@/lib/audit";
import { getTagUsage, listTags } from "@/lib/tags";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Tag" };

export default async function TagPage({ params }: Props) {
  const { id } = await params;
  await requireEditor(`/editor/tags/${id}`);
  const tag = await getTagUsage(id);
  if (!tag) notFound();
  const [all, history] = await Promise.all([listTags(), getTagHistory(id)]);
  const uses = tag._count.claims + tag._count.quotes;
  return (
    <RecordPage
      trail={
        <>
          <Link href="/editor/tags">Tags</Link> · {tag.kind}
        </>
      }
      head={
        <h1>
          <span className="swatch" style={{ background: tag.colour, width: "1.2rem", height: "1.2rem" }} aria-hidden="true" /> {tag.name}
        </h1>
      }
      history={<HistoryList events={history} />}
      aside={
        <>
          <Card title="Edit">
            <EditTagForm tag={{ id: tag.id, version: tag.version, name: tag.name, colour: tag.colour, kind: tag.kind }} />
          </Card>
          <Card title="Merge">
            <MergeTagForm tag={{ id: tag.id, version: tag.version, name: tag.name }} others={all.filter((t) => t.id !== tag.id)} />
          </Card>
          <Card title="Delete" className="danger-zone">
            <p className="small muted">
              {uses > 0 ? `This removes the tag from the ${uses} ${uses === 1 ? "record" : "records"} listed here.` : "Nothing carries this tag."}
            </p>
            <DeleteTagButton tag={{ id: tag.id, version: tag.version, name: tag.name }} uses={uses} />
          </Card>
        </>
      }
    >
      <Card
        title={
          <>
            Carried by {tag._count.claims} {tag._count.claims === 1 ? "claim" : "claims"} and {tag._count.quotes} {tag._count.quotes === 1 ? "quote" : "quotes"}
          </>
        }
      >
        {uses === 0 ? (
          <p className="muted small">Nothing carries this tag yet.</p>
        ) : (
          <ul className="list">
            {tag.claims.map(({ claim }) => (
              <li key={claim.id}>
                <span className="badge">claim</span> <Link href={`/editor/claims/${claim.id}`}>{claim.canonical}</Link> <ClaimStatusBadge status={claim.status} />
              </li>
            ))}
            {tag.quotes.map(({ quote }) => (
              <li key={quote.id}>
                <span className="badge">quote</span> <Link href={`/editor/quotes/${quote.id}`}>“{quote.exact.slice(0, 120)}”</Link>{" "}
                <span className="muted small">in {quote.article.title}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </RecordPage>
  );
}
