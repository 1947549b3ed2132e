"use client";

import { useMemo } from "react";
import { Combobox } from "@/app/(editor)/editor/_components/combobox";

export interface ClaimPickerOption {
  id: string;
  canonical: string;
  slug?: string;
  status?: string;
  speaker?: { name: string } | null;
}

/** Claims as combobox options: the wording, then speaker · slug · status (all searched). */
export function claimOptions(claims: ClaimPickerOption[]) {
  return claims.map((o) => ({ value: o.id, label: o.canonical, detail: [o.speaker?.name, o.slug, o.status].filter(Boolean).join(" · ") }));
}

/**
 * Chooses the claim a quote belongs to: a search box over the claims (by wording,
 * speaker or slug: the Combobox) instead of one long select. "No claim" is
 * always the first choice. `value` is a claim id, "" for none.
 */
export function ClaimPicker({
  id,
  label,
  options,
  value,
  onChange,
  invalid = false,
}: {
  id: string;
  label: string;
  options: ClaimPickerOption[];
  value: string;
  onChange: (claimId: string) => void;
  invalid?: boolean;
}) {
  const items = useMemo(() => claimOptions(options), [options]);
  const chosen = options.find((o) => o.id === value) ?? null;
  return (
    <Combobox
      id={id}
      label={label}
      options={items}
      fixed={[{ value: "", label: "No claim" }]}
      value={value}
      onChange={onChange}
      invalid={invalid}
      placeholder="Search claims by wording, speaker or slug…"
      hint={chosen ? `Now: ${chosen.slug ?? chosen.canonical}` : "No claim chosen."}
    />
  );
}
