import "server-only";
import { z } from "zod";
import { getCurrentUser, isAdmin, isEditor, type CurrentUser } from "./auth";
import { databaseAvailable, DATABASE_UNAVAILABLE_MESSAGE } from "./database-health";
import { ActionError, refusalFromDatabase, type ActionErrorCode } from "./errors";

/**
 * The one shape every server action returns, and the wrapper that gives every
 * action the same order: session → parse → run. Actions stay thin: `run` loads
 * what it needs (scoped), calls lib, revalidates, and returns data.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; code?: ActionErrorCode };

type Role = "editor" | "admin";

export function action<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.infer<S>, user: CurrentUser) => Promise<T>,
  { role = "editor" }: { role?: Role } = {},
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      return await checkedRun(raw);
    } catch (error) {
      // The session lookup and the write both need the database: say so when it is gone.
      if (!(await databaseAvailable({ fresh: true }))) return { ok: false, code: "unavailable", error: DATABASE_UNAVAILABLE_MESSAGE };
      throw error;
    }
  };

  async function checkedRun(raw: unknown): Promise<ActionResult<T>> {
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
      const known = refusalFromDatabase(error);
      if (known) return { ok: false, code: known.code, error: known.message };
      if (!(await databaseAvailable({ fresh: true }))) return { ok: false, code: "unavailable", error: DATABASE_UNAVAILABLE_MESSAGE };
      console.error("action failed", error);
      return { ok: false, code: "error", error: "The change could not be saved. Nothing was changed; try again." };
    }
  }
}
