import type { HistoryEvent } from "@/lib/audit";

const ACTIONS: Record<string, string> = {
  create: "created",
  edit: "edited",
  update: "edited",
  confirm: "confirmed",
  reject: "rejected",
  reopen: "re-opened for review",
  move: "moved to another claim",
  // Claims, speakers and outlets merge: "{record}" is the event's own kind.
  merge: "merged another {record} in",
  merged_into: "was merged into another {record}",
  split: "split quotes off",
  publish: "published",
  unpublish: "unpublished",
  status: "changed status",
  rate: "rated",
  "re-rate": "changed the rating",
  tag: "tagged",
  untag: "untagged",
  rename: "renamed",
  delete: "deleted",
  correct: "corrected the text",
  reanchor: "re-anchored after a text correction",
  import: "imported",
};

// Ids, versions and character offsets say nothing to a person: the words and names beside them do.
const HIDDEN = new Set(["id", "version", "slug", "articleId", "article", "absorbed", "absorbedSlug", "survivorSlug", "start", "end", "sortOrder"]);

const LABELS: Record<string, string> = {
  canonical: "wording",
  exact: "quoted words",
  sourceDocument: "source",
  verdictLabel: "verdict",
  reviewStatus: "review",
  anchorStatus: "anchor",
  anchorScore: "anchor match",
  score: "match",
  ratingValue: "place on the truth scale",
  otherDomains: "other domains",
  absorbedName: "merged in",
  targetName: "merged into",
  publishedAt: "published",
  isPublic: "public",
};
const LONG = 160;

function text(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value.length > LONG ? `${value.slice(0, LONG)}…` : value;
  if (Array.isArray(value)) return value.length ? value.map(text).join(", ") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function fieldRows(before: unknown, after: unknown) {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ key: k, before: k in b ? cell(k, b[k]) : null, after: k in a ? cell(k, a[k]) : null }));
}

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

function label(key: string) {
  return LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/Id$/, "").toLowerCase();
}

function cell(key: string, value: unknown): string {
  // Match scores are fractions: a person reads a percentage.
  if ((key === "score" || key === "anchorScore") && typeof value === "number") return `${Math.round(value * 100)}%`;
  if (key === "ratingValue" && value === null) return "none (off the scale)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return text(value);
}

/**
 * Who changed what, when, before → after: newest first, by names and words.
 * Each event names what it changed (a quote's words, a label's name) when it is
 * not the page's own record (`recordId`), or always with `showSubjects`;
 * `subjectLabel` overrides that.
 */
export function HistoryList({
  events,
  emptyText = "No changes recorded yet.",
  subjectLabel,
  recordId,
  showSubjects = false,
}: {
  events: HistoryEvent[];
  emptyText?: string;
  subjectLabel?: (event: HistoryEvent) => string | null;
  recordId?: string;
  showSubjects?: boolean;
}) {
  if (events.length === 0) return <p className="muted small">{emptyText}</p>;
  return (
    <ol className="history">
      {events.map((event) => {
        const rows = event.action === "correct" ? [] : fieldRows(event.before, event.after);
        const subject = subjectLabel ? subjectLabel(event) : showSubjects || (recordId !== undefined && event.entityId !== recordId) ? event.subject : null;
        return (
          <li key={event.id} className="history__event">
            <div className="history__head">
              <strong>{event.actorName ?? "The system"}</strong> {ACTIONS[event.action]?.replace("{record}", event.entityType) ?? event.action.replace(/[-_]/g, " ")}
              {subject && <span className="muted"> · {subject}</span>}
              <time className="history__time" dateTime={event.createdAt.toISOString()}>
                {when.format(event.createdAt)} UTC
              </time>
            </div>
            {event.action === "correct" && <p className="small muted">{correctionText(event.after)}</p>}
            {rows.length > 0 && (
              <table className="history__diff">
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{label(row.key)}</th>
                      <td>
                        {row.before !== null && <del>{row.before}</del>}
                        {row.before !== null && row.after !== null && " → "}
                        {row.after !== null && <ins>{row.after}</ins>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function correctionText(after: unknown): string {
  const a = (after ?? {}) as { note?: string | null; reanchored?: { anchored: number; fuzzy: number; orphaned: number } };
  const r = a.reanchored;
  const parts = [a.note ? `“${a.note}”` : null, r ? `${r.anchored} anchors kept, ${r.fuzzy} found fuzzily, ${r.orphaned} orphaned` : null].filter(Boolean);
  return parts.join(" · ");
}
