import "server-only";
import { z } from "zod";
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
      console.error("action failed", error);
      return { ok: false, code: "error", error: "The change could not be saved. Nothing was changed; try again." };
    }
  };
}
