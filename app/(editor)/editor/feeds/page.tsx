import type { Metadata } from "next";
import Link from "next/link";
import { FeedButtons, NewFeedForm } from "@/app/(editor)/editor/feeds/_components/feed-forms";
import { FeedStateBadge, formatWhen } from "@/app/(editor)/editor/feeds/_components/feed-state";
import { plural } from "@/components/format";
import { requireEditor } from "@/lib/auth";
import { listFeeds } from "@/lib/feeds";
import { listOutletOptions } from "@/lib/outlets";

export const metadata: Metadata = { title: "Watched feeds" };

export default async function FeedsPage() {
  await requireEditor("/editor/feeds");
  const [feeds, outlets] = await Promise.all([listFeeds(), listOutletOptions()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Watched feeds</h1>
          <p className="lede">Outlets’ feeds, polled for new articles; their quotes are checked against published claims.</p>
        </div>
        <div className="toolbar">
          <Link className="button button--secondary" href="/editor/alerts">
            Alerts
          </Link>
        </div>
      </div>
      <div className="claim-grid">
        <section>
          {feeds.length === 0 ? (
            <p className="empty">No feeds are watched yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label="Watched feeds">
                <thead>
                  <tr>
                    <th>Feed</th>
                    <th>State</th>
                    <th>Last poll</th>
                    <th>Next poll</th>
                    <th>Items</th>
                    <th>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {feeds.map((f) => (
                    <tr key={f.id} data-feed-url={f.url}>
                      <td>
                        <Link href={`/editor/feeds/${f.id}`}>{f.title ?? f.url}</Link>
                        <div className="small muted">
                          {f.outlet.name} · every {plural(f.intervalMinutes, "minute")}
                          {f.format && ` · ${f.format}`}
                        </div>
                        {f.lastError && <div className="field__error small">{f.lastError}</div>}
                      </td>
                      <td>
                        <FeedStateBadge feed={f} />
                        {f.failures > 0 && <div className="small muted">backoff {plural(f.backoffMinutes, "minute")}</div>}
                      </td>
                      <td className="small">{formatWhen(f.lastPolledAt)}</td>
                      <td className="small">{f.active ? formatWhen(f.nextPollAt) : "paused"}</td>
                      <td className="small">
                        {f.itemsFound.toLocaleString("en")}
                        {f.lastNewItems > 0 && <span className="muted"> (+{f.lastNewItems})</span>}
                      </td>
                      <td>
                        <FeedButtons feed={f} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <aside className="card">
          <h2>Watch a feed</h2>
          <NewFeedForm outlets={outlets} />
        </aside>
      </div>
    </>
  );
}
