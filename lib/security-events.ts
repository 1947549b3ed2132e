import "server-only";
import { prisma } from "./db";

/**
 * Security events: what an admin should know happened at the edge. Each is one
 * JSON line on stdout (for a log shipper) and a row in SecurityEvent (for
 * /editor/admin/security). Recording never fails the request that triggered it,
 * and a flood of the same event from the same place is stored once a minute
 * (the log line says how many were folded into it), so an attacker cannot fill
 * the table or the disk through it.
 */
export type SecurityEventKind =
  | "sign-in-delayed" // an account or address reached its free failures and now waits between attempts
  | "sign-in-refused" // an attempt came before its delay was over (refused before any password check)
  | "sign-in-busy" // too many password checks queued: refused
  | "account-unlocked" // an admin cleared an account's sign-in delay
  | "request-refused" // a malformed or oversized request was answered 4xx
  | "budget-exceeded"; // an import or analysis ran over its time, memory, size or depth budget

export interface SecurityEventInput {
  kind: SecurityEventKind;
  message: string;
  address?: string | null;
  account?: string | null;
  detail?: Record<string, unknown>;
}

const FOLD_MS = 60_000;
const folded = new Map<string, { until: number; count: number }>();

function foldKey(e: SecurityEventInput): string {
  return `${e.kind}|${e.address ?? ""}|${e.account ?? ""}`;
}

/** Logs and stores one event (folded with identical ones in the last minute). Never throws. */
export async function recordSecurityEvent(event: SecurityEventInput): Promise<void> {
  const now = Date.now();
  const key = foldKey(event);
  const seen = folded.get(key);
  if (seen && seen.until > now) {
    seen.count++;
    return;
  }
  const foldedBefore = seen?.count ?? 0;
  folded.set(key, { until: now + FOLD_MS, count: 0 });
  if (folded.size > 10_000) {
    for (const [k, v] of folded) if (v.until <= now) folded.delete(k);
  }
  const detail = foldedBefore > 0 ? { ...event.detail, repeatsInLastMinute: foldedBefore } : event.detail;
  console.log(
    JSON.stringify({ level: "warn", type: "security", at: new Date(now).toISOString(), kind: event.kind, address: event.address ?? null, account: event.account ?? null, message: event.message, detail: detail ?? null }),
  );
  try {
    await prisma.securityEvent.create({
      data: {
        kind: event.kind,
        message: event.message.slice(0, 500),
        address: event.address?.slice(0, 100) ?? null,
        account: event.account?.slice(0, 254) ?? null,
        detail: detail ? JSON.parse(JSON.stringify(detail)) : undefined,
      },
    });
  } catch (error) {
    console.error("security event not stored:", error instanceof Error ? error.message : error);
  }
}

/** The newest events first, for the admin page. */
export function listSecurityEvents(limit = 200) {
  return prisma.securityEvent.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, kind: true, address: true, account: true, message: true, detail: true, createdAt: true },
  });
}
