import type { Metadata } from "next";
import Link from "next/link";
import { WordDiffView } from "@/app/(public)/claims/[slug]/_components/word-diff-view";
import { AlertButtons } from "@/app/(editor)/editor/alerts/_components/alert-buttons";
import { plural } from "@/components/format";
import { listOpenAlerts } from "@/lib/alerts";
import { requireEditor } from "@/lib/auth";

export const metadata: Metadata = { title: "Alerts" };

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export default async function AlertsPage() {
  await requireEditor("/editor/alerts");
  const alerts = await listOpenAlerts(50);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Alerts</h1>
          <p className="lede">Published claims said again in new coverage from watched feeds. Repeats after the review was published come first.</p>
        </div>
        <div className="toolbar">
          <Link className="button button--secondary" href="/editor/feeds">
            Watched feeds
          </Link>
        </div>
      </div>
      {alerts.length === 0 ? (
        <p className="empty">No open alerts.</p>
      ) : (
        <ol className="stack" aria-label="Open alerts">
          {alerts.map((alert) => (
            <li key={alert.id} className={`card alert-card${alert.afterPublication ? " alert-card--after" : ""}`} aria-label={`Alert: ${alert.claim.canonical}`}>
              <div className="section__head">
                <h2>
                  <Link href={`/editor/claims/${alert.claim.id}`}>{alert.claim.canonical}</Link>
                </h2>
                {alert.afterPublication && <span className="badge badge--danger">Repeated after the review was published</span>}
              </div>
              <p className="small muted">
                {plural(alert.outlets.length, "outlet")}: {alert.outlets.join(", ")}
                {alert.claim.publishedAt && ` · claim published ${when.format(alert.claim.publishedAt)}`}
              </p>
              <ul className="stack">
                {alert.hits.map((hit) => (
                  <li key={hit.id}>
                    <div className="alert-pair">
                      <div>
                        <div className="small muted">{hit.comparedWith}</div>
                        <blockquote>{hit.claimWording}</blockquote>
                      </div>
                      <div>
                        <div className="small muted">
                          {hit.outlet}: <Link href={`/editor/articles/${hit.article.id}`}>{hit.article.title}</Link>
                          {hit.article.url && (
                            <>
                              {" "}
                              (<a href={hit.article.url} rel="noreferrer noopener" target="_blank">original</a>)
                            </>
                          )}
                        </div>
                        <blockquote>{hit.wording}</blockquote>
                      </div>
                    </div>
                    <p className="small">
                      <WordDiffView parts={hit.diff} /> <span className="muted">· score {hit.score.toFixed(2)} · {hit.reason}</span>
                    </p>
                  </li>
                ))}
              </ul>
              <AlertButtons alert={{ id: alert.id, version: alert.version, claim: alert.claim.canonical }} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
