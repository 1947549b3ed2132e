import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/app/(editor)/editor/_components/history-list";
import { QuoteEditor } from "@/app/(editor)/editor/quotes/[id]/_components/quote-editor";
import { NewClaimFromQuote } from "@/app/(editor)/editor/_components/new-claim-from-quote";
import { Card, RecordPage } from "@/app/(editor)/editor/_components/record-page";
import { AnchorBadge, ClaimStatusBadge, ReviewBadge } from "@/app/(editor)/editor/_components/status-badge";
import { TagPicker } from "@/app/(editor)/editor/_components/tag-picker";
import { requireEditor } from "@/lib/auth";
import { listClaimOptions } from "@/lib/claim-edits";
import { getQuoteHistory } from "@/lib/audit";
import { getQuoteForEditor, listSpeakerOptions } from "@/lib/quotes";
import { listTags } from "@/lib/tags";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Quote" };

export default async function QuotePage({ params }: Props) {
  const { id } = await params;
  await requireEditor(`/editor/quotes/${id}`);
  const quote = await getQuoteForEditor(id);
  if (!quote) notFound();
  const [speakers, claims, tags, history] = await Promise.all([listSpeakerOptions(), listClaimOptions(), listTags(), getQuoteHistory(id)]);
  return (
    <RecordPage
      trail={
        <>
          <Link href="/editor/review">Review queue</Link> · <Link href={`/editor/outlets/${quote.article.outlet.id}`}>{quote.article.outlet.name}</Link>
        </>
      }
      head={
        <>
          <div>
            <h1 className="quote-title">“{quote.exact.length > 160 ? `${quote.exact.slice(0, 160)}…` : quote.exact}”</h1>
            <div className="row">
              <ReviewBadge status={quote.reviewStatus} />
              <AnchorBadge status={quote.anchorStatus} />
              {quote.origin === "editor" ? <span className="badge badge--accent">marked by an editor</span> : <span className="badge">found automatically</span>}
              {quote.fidelity && <span className="badge">fidelity: {quote.fidelity.replace("_", " ")}</span>}
              {quote.inHeadline && <span className="badge">in the headline</span>}
            </div>
          </div>
          <Link className="button button--secondary" href={`/editor/articles/${quote.article.id}#quote-${quote.id}`}>
            Open in the article
          </Link>
        </>
      }
      history={<HistoryList events={history} />}
      aside={
        <>
          <Card title="Where it is">
            <dl className="meta-list">
              <dt>Article</dt>
              <dd>
                <Link href={`/editor/articles/${quote.article.id}`}>{quote.article.title}</Link>
              </dd>
              <dt>Outlet</dt>
              <dd>
                <Link href={`/editor/outlets/${quote.article.outlet.id}`}>{quote.article.outlet.name}</Link>
              </dd>
              <dt>Speaker</dt>
              <dd>{quote.speaker ? <Link href={`/editor/speakers/${quote.speaker.id}`}>{quote.speaker.name}</Link> : "none"}</dd>
              <dt>Attribution</dt>
              <dd>{quote.cue ?? "—"}</dd>
              <dt>Claim</dt>
              <dd>
                {quote.claim ? (
                  <>
                    <Link href={`/editor/claims/${quote.claim.id}`}>{quote.claim.canonical}</Link> <ClaimStatusBadge status={quote.claim.status} />
                  </>
                ) : (
                  "none"
                )}
              </dd>
              {quote.matchScore != null && (
                <>
                  <dt>Match</dt>
                  <dd>{Math.round(quote.matchScore * 100)}% (automatic)</dd>
                </>
              )}
            </dl>
          </Card>
          <Card title="Tags">
            <TagPicker target="quote" targetId={quote.id} attached={quote.tags.map((t) => t.tag)} all={tags} />
          </Card>
          <Card title="New claim">
            <p className="small muted">When no existing claim fits, start one from this quote.</p>
            <NewClaimFromQuote quote={{ id: quote.id, version: quote.version, exact: quote.exact }} />
          </Card>
        </>
      }
    >
      <Card title="Edit">
        <QuoteEditor
          quote={{
            id: quote.id,
            version: quote.version,
            start: quote.start,
            end: quote.end,
            exact: quote.exact,
            speakerId: quote.speakerId,
            claimId: quote.claimId,
            reviewStatus: quote.reviewStatus,
          }}
          body={quote.article.body}
          speakers={speakers}
          claims={claims}
        />
      </Card>
    </RecordPage>
  );
}
