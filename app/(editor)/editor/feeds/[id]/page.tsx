import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditFeedForm, FeedButtons } from "@/app/(editor)/editor/feeds/_components/feed-forms";
import { FeedStateBadge, formatWhen } from "@/app/(editor)/editor/feeds/_components/feed-state";
import { plural } from "@/components/format";
import { requireEditor } from "@/lib/auth";
import { getFeed } from "@/lib/feeds";
import { listOutletOptions } from "@/lib/outlets";
import { idField } from "@/lib/validation/text";

export const metadata: Metadata = { title: "Feed" };

export default async function FeedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditor(`/editor/feeds/${encodeURIComponent(id)}`);
  if (!idField().safeParse(id).success) notFound();
  const [feed, outlets] = await Promise.all([getFeed(id), listOutletOptions()]);
  if (!feed) notFound();
  return (
    <>
      <div className="page-head">
        <div>
          <p className="small">
            <Link href="/editor/feeds">← Watched feeds</Link>
          </p>
          <h1>{feed.title ?? feed.url}</h1>
          <p className="lede">
            {feed.outlet.name} · <FeedStateBadge feed={feed} />
          </p>
        </div>
        <div className="toolbar">
          <FeedButtons feed={feed} />
        </div>
      </div>
      <div className="claim-grid">
        <div className="stack">
          <section className="card">
            <h2>State</h2>
            <dl className="meta-list">
              <dt>Address</dt>
              <dd className="small">{feed.url}</dd>
              <dt>Format</dt>
              <dd>{feed.format ?? "not known yet"}</dd>
              <dt>Last poll</dt>
              <dd>{formatWhen(feed.lastPolledAt)}</dd>
              <dt>Last good poll</dt>
              <dd>{formatWhen(feed.lastSuccessAt)}</dd>
              <dt>Next poll</dt>
              <dd>{feed.active ? formatWhen(feed.nextPollAt) : "paused"}</dd>
              <dt>Items found</dt>
              <dd>
                {feed.itemsFound.toLocaleString("en")} ({feed.lastNewItems} new at the last poll)
              </dd>
              <dt>Conditional request</dt>
              <dd className="small">{feed.etag || feed.lastModified ? [feed.etag && `ETag ${feed.etag}`, feed.lastModified && `Last-Modified ${feed.lastModified}`].filter(Boolean).join(" · ") : "none yet"}</dd>
              <dt>Errors</dt>
              <dd>
                {feed.failures === 0 ? (
                  "none"
                ) : (
                  <>
                    <span className="field__error">{feed.lastError}</span>
                    <br />
                    {plural(feed.failures, "failed poll")} in a row; backing off {plural(feed.backoffMinutes, "minute")}
                  </>
                )}
              </dd>
            </dl>
          </section>
          <section>
            <h2>Newest items</h2>
            {feed.items.length === 0 ? (
              <p className="empty small">No items yet.</p>
            ) : (
              <ul className="card stack small" aria-label="Feed items">
                {feed.items.map((item) => (
                  <li key={item.id}>
                    {item.article ? <Link href={`/editor/articles/${item.article.id}`}>{item.title ?? item.article.title}</Link> : <span>{item.title ?? item.url ?? "(untitled)"}</span>}{" "}
                    <span className={`badge ${item.status === "failed" ? "badge--danger" : item.status === "imported" ? "badge--ok" : "badge--warn"}`}>{item.status}</span>
                    {item.error && <div className="field__error">{item.error}</div>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="card">
          <h2>Edit</h2>
          <EditFeedForm feed={{ id: feed.id, version: feed.version, url: feed.url, outletId: feed.outlet.id, intervalMinutes: feed.intervalMinutes, active: feed.active }} outlets={outlets} />
        </aside>
      </div>
    </>
  );
}
