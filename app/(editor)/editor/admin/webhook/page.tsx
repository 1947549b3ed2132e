import type { Metadata } from "next";
import Link from "next/link";
import { RemoveWebhookButton, WebhookForm } from "@/app/(editor)/editor/admin/webhook/_components/webhook-form";
import { getAlertWebhook, listWebhookDeliveries } from "@/lib/alert-webhooks";
import { requireAdmin } from "@/lib/auth";

export const metadata: Metadata = { title: "Alert webhook" };

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" });

const STATUS_BADGE = { pending: "badge", delivered: "badge badge--ok", failed: "badge badge--danger" } as const;

export default async function AlertWebhookPage() {
  await requireAdmin("/editor/admin/webhook");
  const [webhook, deliveries] = await Promise.all([getAlertWebhook(), listWebhookDeliveries(50)]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Alert webhook</h1>
          <p className="lede">
            Each new <Link href="/editor/alerts">alert</Link>, and each new outlet on an open alert, is POSTed to this address as JSON, signed with a shared
            secret, and tried again with growing delays until it is answered with 2xx.
          </p>
        </div>
      </div>
      <div className="claim-grid">
        <section className="stack" aria-label="Deliveries">
          <h2>Deliveries</h2>
          {deliveries.length === 0 ? (
            <p className="empty">Nothing sent yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label="Webhook deliveries">
                <thead>
                  <tr>
                    <th>Event</th>
                    <th>Claim and outlet</th>
                    <th>Status</th>
                    <th>Attempts</th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <code>{d.event}</code>
                        <div className="small muted">{when.format(d.createdAt)} UTC</div>
                      </td>
                      <td>
                        {d.claim.canonical}
                        <div className="small muted">{d.outlet}</div>
                      </td>
                      <td>
                        <span className={STATUS_BADGE[d.status]}>{d.status}</span>
                      </td>
                      <td>
                        <ol className="small" aria-label="Attempts">
                          {d.attempts.map((a, i) => (
                            <li key={i}>
                              {when.format(a.startedAt)}: {a.statusCode ?? "no answer"}
                              {a.error && a.statusCode === null ? ` (${a.error})` : ""} · {a.durationMs} ms
                            </li>
                          ))}
                        </ol>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <aside className="card stack">
          <h2>{webhook ? "Webhook" : "Set up a webhook"}</h2>
          <WebhookForm webhook={webhook} />
          {webhook && <RemoveWebhookButton version={webhook.version} />}
          <details>
            <summary>How requests are signed</summary>
            <p className="small">
              The Standard Webhooks scheme. Headers: <code>webhook-id</code> (the delivery&apos;s id, the same on every retry),{" "}
              <code>webhook-timestamp</code> (Unix seconds) and <code>webhook-signature</code>: <code>v1,</code> then the base64 HMAC-SHA256 of{" "}
              <code>id.timestamp.body</code>, keyed with the base64-decoded secret after <code>whsec_</code>. Check it over the raw body, compare in
              constant time, and refuse timestamps more than five minutes old.
            </p>
          </details>
        </aside>
      </div>
    </>
  );
}
