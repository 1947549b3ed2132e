const REVIEW: Record<string, { label: string; tone: string }> = {
  suggested: { label: "Suggested", tone: "badge--warn" },
  confirmed: { label: "Confirmed", tone: "badge--ok" },
  rejected: { label: "Rejected", tone: "badge--danger" },
};

const CLAIM: Record<string, { label: string; tone: string }> = {
  draft: { label: "Draft", tone: "" },
  in_review: { label: "In review", tone: "badge--warn" },
  published: { label: "Published", tone: "badge--ok" },
};

const ANCHOR: Record<string, { label: string; tone: string }> = {
  fuzzy: { label: "Re-anchored (fuzzy)", tone: "badge--warn" },
  orphaned: { label: "Orphaned", tone: "badge--danger" },
};

export function ReviewBadge({ status }: { status: string }) {
  const s = REVIEW[status] ?? { label: status, tone: "" };
  return <span className={`badge ${s.tone}`}>{s.label}</span>;
}

export function ClaimStatusBadge({ status }: { status: string }) {
  const s = CLAIM[status] ?? { label: status, tone: "" };
  return <span className={`badge ${s.tone}`}>{s.label}</span>;
}

/** Shown only when an anchor is not plainly anchored. */
export function AnchorBadge({ status, score }: { status: string; score?: number | null }) {
  const s = ANCHOR[status];
  if (!s) return null;
  return (
    <span className={`badge ${s.tone}`} title={score != null ? `match score ${score.toFixed(2)}` : undefined}>
      {s.label}
      {score != null && status === "fuzzy" ? ` ${Math.round(score * 100)}%` : ""}
    </span>
  );
}

/** A stable colour per claim, so every quote of one claim looks alike in an article. */
export function claimHue(claimId: string | null | undefined): number | null {
  if (!claimId) return null;
  let h = 0;
  for (let i = 0; i < claimId.length; i++) h = (h * 31 + claimId.charCodeAt(i)) % 360;
  return h;
}
