import type { Metadata } from "next";
import Link from "next/link";
import { Pagination, queryString } from "@/components/pagination";
import { WaitingList } from "@/app/(editor)/editor/admin/security/_components/waiting-list";
import { requireAdmin } from "@/lib/auth";
import { isSecurityEventKind, listSecurityEvents, SECURITY_EVENT_KINDS } from "@/lib/security-events";
import { listDelayedAccounts, listDelayedAddresses } from "@/lib/sign-in-guard";

export const metadata: Metadata = { title: "Security" };

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" });

/**
 * Admins only (requireAdmin: an editor is sent to /editor): who waits to sign in,
 * with an unlock for each, and the security events (lib/security-events.ts),
 * newest first, by kind, 50 a page.
 */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ kind?: string; page?: string }> }) {
  await requireAdmin("/editor/admin/security");
  const params = await searchParams;
  const kind = isSecurityEventKind(params.kind) ? params.kind : undefined;
  const requested = Number.parseInt(params.page ?? "1", 10);
  const page = Number.isFinite(requested) && requested > 0 ? requested : 1;
  const [accounts, addresses, list] = await Promise.all([listDelayedAccounts(), listDelayedAddresses(), listSecurityEvents({ kind, page })]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Security</h1>
          <p className="lede">Sign-in delays now in force, and what the server refused or stopped: lockouts, malformed requests, imports over budget.</p>
        </div>
      </div>

      <section aria-labelledby="waiting-head" className="stack">
        <h2 id="waiting-head">Waiting to sign in</h2>
        <p className="muted small">
          After a few failed sign-ins an account or address must wait between attempts (1 s, doubling up to a minute; a quiet quarter hour clears it). Unlock clears the count, so the next
          attempt is checked at once.
        </p>
        <WaitingList
          accounts={accounts.map((a) => ({ userId: a.userId, label: a.name, email: a.email, attempts: a.attempts, waitSeconds: a.waitSeconds }))}
          addresses={addresses}
        />
      </section>

      <section aria-labelledby="events-head" className="stack">
        <h2 id="events-head">Security events</h2>
        <nav className="row" aria-label="Filter by kind">
          <Link className={`button button--small${kind ? " button--secondary" : ""}`} aria-current={kind ? undefined : "page"} href="/editor/admin/security">
            all kinds
          </Link>
          {Object.entries(SECURITY_EVENT_KINDS).map(([k, description]) => (
            <Link key={k} className={`button button--small${kind === k ? "" : " button--secondary"}`} aria-current={kind === k ? "page" : undefined} title={description} href={`/editor/admin/security${queryString({ kind: k })}`}>
              {k}
            </Link>
          ))}
        </nav>
        <p className="muted small">
          {list.total} {list.total === 1 ? "event" : "events"}
          {kind ? ` of kind ${kind}` : ""}, newest first.
        </p>
        {list.events.length === 0 ? (
          <p className="empty">No security events{kind ? " of this kind" : ""}.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Security events">
              <thead>
                <tr>
                  <th>Time (UTC)</th>
                  <th>Kind</th>
                  <th>Address</th>
                  <th>Account</th>
                  <th>Detail</th>
                </tr>
              </thead>
              <tbody>
                {list.events.map((e) => (
                  <tr key={e.id}>
                    <td className="small">
                      <time dateTime={e.createdAt.toISOString()}>{when.format(e.createdAt)}</time>
                    </td>
                    <td>
                      <span className="badge">{e.kind}</span>
                    </td>
                    <td className="small">{e.address ?? <span className="muted">—</span>}</td>
                    <td className="small">{e.account ?? <span className="muted">—</span>}</td>
                    <td className="small">
                      {e.message}
                      {e.detail != null && <div className="muted">{JSON.stringify(e.detail)}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={list.page} pageCount={list.pages} href={(p) => `/editor/admin/security${queryString({ kind, page: p > 1 ? p : undefined })}`} />
      </section>
    </>
  );
}
