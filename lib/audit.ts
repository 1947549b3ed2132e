import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "./db";

export interface AuditInput {
  actorId: string | null;
  entityType: "article" | "claim" | "quote" | "annotation" | "tag" | "rating" | "outlet" | "speaker" | "user";
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and other objects become their JSON form, as the history page shows them.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Must be called with the transaction that makes the change it records. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      before: toJson(input.before),
      after: toJson(input.after),
    },
  });
}
