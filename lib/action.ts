import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { getCurrentUser, isAdmin, isEditor, type CurrentUser } from "./auth";

/**
 * The one shape every server action returns, and the wrapper that gives every
 * action the same order: session → parse → run. Actions stay thin: `run` loads
 * what it needs (scoped), calls lib, revalidates, and returns data.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; code?: ActionErrorCode };

export type ActionErrorCode = "unauthenticated" | "forbidden" | "invalid" | "conflict" | "not_found" | "error";

/** Thrown from `run` for an expected failure the user should read. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly code: ActionErrorCode = "error",
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

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
 * tag removed by someone else, a name taken a moment ago): said plainly rather
 * than as a failure. The transaction has rolled back, so nothing was changed.
 */
function databaseRefusal(error: unknown): ActionError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  if (error.code === "P2003" || error.code === "P2025") {
    return new ActionError("Something this refers to (a speaker, claim, tag, outlet or label) does not exist any more. Reload the page and choose again.", "not_found");
  }
  if (error.code === "P2002") return new ActionError("That already exists: someone may have just saved the same thing. Reload the page to see it.", "conflict");
  return null;
}

type Role = "editor" | "admin";

export function action<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.infer<S>, user: CurrentUser) => Promise<T>,
  { role = "editor" }: { role?: Role } = {},
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!isEditor(user)) return { ok: false, code: "unauthenticated", error: "Your session has ended. Sign in again to save." };
    if (role === "admin" && !isAdmin(user)) return { ok: false, code: "forbidden", error: "Only an admin can do that." };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error);
      return {
        ok: false,
        code: "invalid",
        error: flat.formErrors[0] ?? "Some fields need attention.",
        fieldErrors: flat.fieldErrors as Record<string, string[]>,
      };
    }
    try {
      return { ok: true, data: await run(parsed.data, user) };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
      const known = databaseRefusal(error);
      if (known) return { ok: false, code: known.code, error: known.message };
      console.error("action failed", error);
      return { ok: false, code: "error", error: "The change could not be saved. Nothing was changed; try again." };
    }
  };
}
