"use client";

import { useMemo } from "react";
import { Controller, type Control } from "react-hook-form";
import { Combobox } from "./combobox";

/** What a merge form edits (lib/validation: mergeSpeakersSchema, mergeOutletsSchema). */
export interface MergeValues {
  sourceId: string;
  sourceVersion: number;
  targetId: string;
}

/**
 * Where a duplicate speaker or outlet is merged: the form's `targetId`, chosen by
 * a search over the other records' names (they can be many), with its message.
 * `onChoose` runs after each new choice.
 */
export function MergeTargetField({
  control,
  id,
  name,
  noun,
  others,
  onChoose,
}: {
  control: Control<MergeValues, unknown, MergeValues>;
  id: string;
  /** The duplicate's name. */
  name: string;
  noun: "speaker" | "outlet";
  others: { id: string; name: string }[];
  onChoose?: (targetId: string) => void;
}) {
  const options = useMemo(() => others.map((o) => ({ value: o.id, label: o.name })), [others]);
  return (
    <Controller
      control={control}
      name="targetId"
      render={({ field, fieldState }) => (
        <>
          <Combobox
            id={id}
            label={`Merge “${name}” into`}
            placeholder={`Search for the ${noun} to keep…`}
            options={options}
            value={field.value}
            onChange={(value) => {
              field.onChange(value);
              onChoose?.(value);
            }}
            invalid={Boolean(fieldState.error)}
          />
          {fieldState.error && <span className="field__error">{fieldState.error.message}</span>}
        </>
      )}
    />
  );
}
