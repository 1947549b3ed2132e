"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/action";

export interface ServerProblem {
  message: string;
  code?: string;
}

/** Puts a failed action's field errors on the form's fields; returns the message for the rest. */
export function applyActionErrors<T extends FieldValues>(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): ServerProblem {
  for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (fields.includes(name) && messages?.[0]) setError(name as Path<T>, { type: "server", message: messages[0] });
  }
  return { message: result.error, code: result.code };
}

/**
 * Runs a one-click action (no form): busy state, the error to show, and a
 * refresh of the server-rendered page on success.
 */
export function useActionRunner() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  async function run<T>(call: () => Promise<ActionResult<T>>, { refresh = true }: { refresh?: boolean } = {}): Promise<T | null> {
    setBusy(true);
    setProblem(null);
    try {
      const result = await call();
      if (!result.ok) {
        setProblem({ message: result.error, code: result.code });
        return null;
      }
      if (refresh) router.refresh();
      return result.data;
    } catch {
      setProblem({ message: "The server could not be reached. Nothing was saved; try again." });
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, problem, setProblem };
}
