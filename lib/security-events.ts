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
export const SECURITY_EVENT_KINDS = {
  "sign-in-delayed": "An account or address reached its free failures and now waits between attempts",
  "sign-in-refused": "An attempt came before its delay was over (refused before any password check)",
  "sign-in-busy": "Too many password checks queued: refused",
  "account-unlocked": "An admin cleared an account's sign-in delay",
  "address-unlocked": "An admin cleared a client address's sign-in delay",
  "request-refused": "A malformed or oversized request was answered 4xx",
  "budget-exceeded": "An import or analysis ran over its time, memory, size or depth budget",
} as const;

export type SecurityEventKind = keyof typeof SECURITY_EVENT_KINDS;

export function isSecurityEventKind(value: unknown): value is SecurityEventKind {
  return typeof value === "string" && Object.hasOwn(SECURITY_EVENT_KINDS, value);
}

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

export const SECURITY_EVENTS_PER_PAGE = 50;

/**
 * One page of events, newest first, for the admin page: `page` counts from 1;
 * `kind` narrows to one kind. `total` counts every matching event.
 */
export async function listSecurityEvents({ kind, page = 1, perPage = SECURITY_EVENTS_PER_PAGE }: { kind?: SecurityEventKind; page?: number; perPage?: number } = {}) {
  const where = kind ? { kind } : {};
  const [events, total] = await Promise.all([
    prisma.securityEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * perPage,
      take: perPage,
      select: { id: true, kind: true, address: true, account: true, message: true, detail: true, createdAt: true },
    }),
    prisma.securityEvent.count({ where }),
  ]);
  return { events, total, page: Math.max(1, page), pages: Math.max(1, Math.ceil(total / perPage)) };
}
