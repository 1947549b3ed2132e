import type { FeedRow } from "@/lib/feeds";

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export function formatWhen(date: Date | null): string {
  return date ? `${when.format(date)} UTC` : "never";
}

/** A feed's state in one badge: paused, failing (with its backoff), waiting for its first poll, or answering. */
export function FeedStateBadge({ feed }: { feed: Pick<FeedRow, "active" | "failures" | "lastPolledAt" | "backoffMinutes"> }) {
  if (!feed.active) return <span className="badge">Paused</span>;
  if (feed.failures > 0)
    return (
      <span className="badge badge--danger" title={`Backing off: next poll in ${feed.backoffMinutes} minutes after ${feed.failures} failures`}>
        Failing ×{feed.failures}
      </span>
    );
  if (!feed.lastPolledAt) return <span className="badge badge--warn">Not polled yet</span>;
  return <span className="badge badge--ok">OK</span>;
}
