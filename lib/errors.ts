import { Prisma } from "@/generated/prisma/client";

/**
 * The failures an editor should read, as error classes with no request
 * dependencies: domain modules (lib/<noun>.ts) throw them, and the action
 * wrapper (lib/action.ts) turns them into `{ ok: false, code, error }`.
 */
export type ActionErrorCode = "unauthenticated" | "forbidden" | "invalid" | "conflict" | "not_found" | "unavailable" | "error";

/** An expected failure: `message` is shown to the editor, `fieldErrors` beside the fields. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly code: ActionErrorCode = "error",
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** Someone else saved the record first (thrown only by lib/versioned-write.ts). */
export class ConflictError extends ActionError {
  constructor(message = "Someone else saved this record after you opened it. Reload to see their change, then apply yours again.") {
    super(message, "conflict");
  }
}

export class NotFoundError extends ActionError {
  constructor(what = "record") {
    super(`That ${what} no longer exists.`, "not_found");
  }
}

/**
 * Database refusals an editor can cause with a stale page (a speaker, claim or
 * tag removed by someone else, a name taken a moment ago), said plainly rather
 * than as a failure; null for anything else. The transaction has rolled back,
 * so nothing was changed.
 */
export function refusalFromDatabase(error: unknown): ActionError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  if (error.code === "P2003" || error.code === "P2025") {
    return new ActionError("Something this refers to (a speaker, claim, tag, outlet or label) does not exist any more. Reload the page and choose again.", "not_found");
  }
  if (error.code === "P2002") return new ActionError("That already exists: someone may have just saved the same thing. Reload the page to see it.", "conflict");
  return null;
}
