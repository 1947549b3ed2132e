import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/components/format";
import { requireEditor } from "@/lib/auth";
import { getEditorDashboard } from "@/lib/editor-dashboard";
import { getRecentActivity } from "@/lib/audit";

export const metadata: Metadata = { title: "Editor" };

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

const ENTITY_NAMES: Record<string, string> = { verdictLabel: "verdict label", rating: "rating of", source: "source", user: "account" };

function entityHref(type: string, id: string): string | null {
  if (type === "claim" || type === "rating") return `/editor/claims/${id}`;
  if (type === "quote") return `/editor/quotes/${id}`;
  if (type === "article") return `/editor/articles/${id}`;
  if (type === "tag") return `/editor/tags/${id}`;
  if (type === "speaker") return `/editor/speakers/${id}`;
  if (type === "outlet") return `/editor/outlets/${id}`;
  if (type === "source") return `/editor/sources/${id}`;
  if (type === "feed") return `/editor/feeds/${id}`;
  return null;
}

export default async function EditorHome({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const user = await requireEditor();
  const [stats, activity, { denied }] = await Promise.all([getEditorDashboard(), getRecentActivity(12), searchParams]);
  return (
    <>
      {denied === "admin" && (
        <p className="notice notice--error" role="alert">
          Only an admin can manage accounts.
        </p>
      )}
      <div className="page-head">
        <div>
          <h1>Welcome, {user.name}</h1>
          <p className="lede">What needs an editor’s eye today.</p>
        </div>
        <div className="toolbar">
          <Link className="button" href="/editor/review">
            Review quotes
          </Link>
          <Link className="button button--secondary" href="/editor/import">
            Import an article
          </Link>
        </div>
      </div>
      <div className="grid grid--3">
        <Link className="card stat-card" href="/editor/alerts">
          <div className="stat">{stats.openAlerts}</div>
          <div className="muted">open {stats.openAlerts === 1 ? "alert" : "alerts"}: published claims repeated</div>
        </Link>
        <Link className="card stat-card" href="/editor/review">
          <div className="stat">{stats.suggestedQuotes}</div>
          <div className="muted">quotes awaiting review</div>
        </Link>
        <Link className="card stat-card" href="/editor/claims?status=draft">
          <div className="stat">{stats.claimsByStatus.draft}</div>
          <div className="muted">draft claims</div>
        </Link>
        <Link className="card stat-card" href="/editor/claims?status=in_review">
          <div className="stat">{stats.claimsByStatus.in_review}</div>
          <div className="muted">claims in review</div>
        </Link>
        <Link className="card stat-card" href="/editor/claims?status=published">
          <div className="stat">{stats.publishedClaims}</div>
          <div className="muted">published claims</div>
        </Link>
        <Link className="card stat-card" href="/editor/articles">
          <div className="stat">{stats.articles}</div>
          <div className="muted">{stats.articles === 1 ? "article" : "articles"} in the corpus</div>
        </Link>
      </div>
      <section className="section">
        <div className="section__head">
          <h2>Recent activity</h2>
          <span className="muted small">{plural(activity.length, "change")}</span>
        </div>
        {activity.length === 0 ? (
          <p className="empty">Nothing has been changed yet.</p>
        ) : (
          <ul className="activity card">
            {activity.map((event) => {
              const href = entityHref(event.entityType, event.entityId);
              return (
                <li key={event.id}>
                  <strong>{event.actorName ?? "The system"}</strong>
                  <span>
                    {event.action.replace(/[-_]/g, " ")} {ENTITY_NAMES[event.entityType] ?? event.entityType}
                    {event.subject && <> {href ? <Link href={href}>{event.subject}</Link> : event.subject}</>}
                    {!event.subject && href && <Link href={href}> (open)</Link>}
                  </span>
                  <span className="spacer" />
                  <span className="muted small">{when.format(event.createdAt)}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
