"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { get, useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormRegister, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action";
import { applyActionErrors, type ServerProblem } from "./action-result";
import { ConflictNotice } from "./conflict-notice";
import type { FieldChange, useVersionedRecord } from "./use-versioned-record";

type VersionedRecord = ReturnType<typeof useVersionedRecord>;

/** What a form does on a successful save: a notice to show, and whether the page re-renders. */
export interface ActionFormSuccess {
  /** Shown in a status line above the form; none when omitted. */
  notice?: ReactNode;
}

export interface ActionFormOptions<S extends z.ZodType<FieldValues, FieldValues>, D> {
  /** The action's own input schema: the form checks it before sending, the server again. */
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /** The server action. Its field errors land on the form's fields of the same name. */
  action: (values: z.output<S>) => Promise<ActionResult<D>>;
  /**
   * A versioned record (useVersionedRecord): a `conflict` refusal marks it stale and the
   * status shows the conflict notice; a success moves its base to the saved version when
   * the action returns `{ version }`.
   */
  record?: VersionedRecord;
  /** After a save: return the notice to show (or nothing), navigate, reset fields. */
  onSuccess?: (data: D, values: z.output<S>, form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => ActionFormSuccess | void;
  /** Re-render the server page after a save (default true); false when onSuccess navigates. */
  refresh?: boolean;
  /** How the conflict notice shows another editor's changes (e.g. hide a long text's values). */
  showChanges?: (changes: FieldChange[]) => FieldChange[];
}

const UNREACHABLE: ServerProblem = { message: "The server could not be reached. Nothing was saved; try again." };

/**
 * One editor form bound to one server action: zod validation on the client,
 * the action's field errors on their fields, its other errors and the success
 * notice in `status`, the conflict notice for versioned records, and a refresh
 * of the server-rendered page after a save. Every editor form uses it, so the
 * submit, error and notice code is written once.
 *
 * Returns react-hook-form's `form`, `onSubmit` for the <form>, the current
 * `problem` and `notice`, and `status`: the notices to render above the fields.
 * `form.register` also puts each field's default in the server's HTML (see
 * withServerDefaults), so a form shows its stored values before React hydrates.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, D>(options: ActionFormOptions<S, D>) {
  const { schema, defaultValues, action, record, onSuccess, refresh = true, showChanges } = options;
  const router = useRouter();
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  // zodResolver's overloads cannot be picked for a generic schema; the types are the schema's own.
  const resolver = zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  const rhf = useForm<z.input<S>, unknown, z.output<S>>({ resolver, defaultValues });
  const form: typeof rhf = { ...rhf, register: withServerDefaults(rhf.register, defaultValues) };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setNotice(null);
    let result: ActionResult<D>;
    try {
      result = await action(values);
    } catch {
      setProblem(UNREACHABLE);
      return;
    }
    if (!result.ok) {
      if (result.code === "conflict") record?.markStale();
      setProblem(applyActionErrors(result, form.setError, Object.keys(form.getValues())));
      return;
    }
    const version = (result.data as { version?: unknown } | null)?.version;
    if (record && typeof version === "number") record.saved(version);
    const outcome = onSuccess?.(result.data, values, form);
    if (outcome?.notice) setNotice(outcome.notice);
    if (refresh) router.refresh();
  });

  const status = (
    <FormStatus
      problem={problem}
      notice={notice}
      record={record}
      showChanges={showChanges}
      onReload={() => {
        setProblem(null);
        record?.reload();
      }}
    />
  );
  return { form, onSubmit, problem, setProblem, notice, setNotice, status };
}

/**
 * react-hook-form's `register` puts no value in the server's HTML: it sets each
 * field through its ref once React has hydrated, so until then an editor form
 * showed empty fields, and an already rated claim blank ratings (on a loaded
 * machine for seconds; a test read a quote's Start offset as 0 then). This
 * `register` also passes the field's default as `defaultValue` (a string or a
 * number) or `defaultChecked` (a boolean: a checkbox). A radio button sets its
 * own `value` and `defaultChecked` after the spread (rating-form.tsx's Scale).
 */
export function withServerDefaults<V extends FieldValues>(register: UseFormRegister<V>, defaults: DefaultValues<V> | undefined): UseFormRegister<V> {
  return ((name, options) => {
    const field = register(name, options);
    const value: unknown = get(defaults, name);
    if (typeof value === "boolean") return { ...field, defaultChecked: value };
    if (typeof value === "string" || typeof value === "number") return { ...field, defaultValue: value };
    return field;
  }) as UseFormRegister<V>;
}

/**
 * The notices above an editor form: a versioned record's conflict notice, the
 * server's refusal (role="alert"), or the success notice (role="status").
 */
export function FormStatus({
  problem,
  notice,
  record,
  showChanges = (changes) => changes,
  onReload,
}: {
  problem: ServerProblem | null;
  notice?: ReactNode;
  record?: VersionedRecord;
  showChanges?: (changes: FieldChange[]) => FieldChange[];
  onReload?: () => void;
}) {
  return (
    <>
      {record && <ConflictNotice stale={record.stale} message={problem?.message} changes={record.changes && showChanges(record.changes)} onReload={onReload ?? record.reload} onDismiss={record.dismiss} />}
      {problem && !record?.stale && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      {notice && !problem && (
        <p className="notice notice--ok" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
