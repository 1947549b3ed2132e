"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";

export interface ClaimPickerOption {
  id: string;
  canonical: string;
  slug?: string;
  status?: string;
  speaker?: { name: string } | null;
}

/** Matches shown at once; typing narrows the rest. */
const SHOWN = 20;

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** Claims whose wording, speaker or slug contain every typed word, best first (wording matches before others). */
export function searchClaims(options: ClaimPickerOption[], query: string): ClaimPickerOption[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return options;
  const scored: { o: ClaimPickerOption; score: number }[] = [];
  for (const o of options) {
    const wording = fold(o.canonical);
    const hay = `${wording} ${fold(o.speaker?.name ?? "")} ${o.slug ?? ""}`;
    if (!words.every((w) => hay.includes(w))) continue;
    scored.push({ o, score: words.filter((w) => wording.includes(w)).length });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.o);
}

/**
 * Chooses the claim a quote belongs to: a search box over the claims (by wording,
 * speaker or slug) with a list of matches, instead of one long select. Follows the
 * WAI-ARIA combobox pattern: the input has role="combobox" and points at the listbox
 * and its active option; ↓/↑ move, Enter chooses, Esc closes and restores the text,
 * and "No claim" is always the first choice. `value` is a claim id, "" for none.
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
  const listId = useId();
  const chosen = options.find((o) => o.id === value) ?? null;
  const [query, setQuery] = useState<string | null>(null); // null: closed, showing the chosen claim
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const open = query !== null;
  const matches = useMemo(() => (open ? searchClaims(options, query) : []), [open, options, query]);
  // Row 0 is "No claim"; rows 1… are the shown matches.
  const rows: (ClaimPickerOption | null)[] = [null, ...matches.slice(0, SHOWN)];
  const optionId = (i: number) => `${listId}-option-${i}`;

  const choose = (o: ClaimPickerOption | null) => {
    onChange(o?.id ?? "");
    setQuery(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setQuery("");
        setActive(0);
        return;
      }
      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : rows.length - 1)) % rows.length);
    } else if (e.key === "Enter" && open) {
      e.preventDefault(); // choose, do not submit the form
      choose(rows[active] ?? null);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      e.stopPropagation(); // closes the list, not the panel around it
      setQuery(null);
    }
  };

  return (
    <div className="field claim-picker">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        placeholder="Search claims by wording, speaker or slug…"
        value={open ? query : (chosen?.canonical ?? "")}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(e.target.value.trim() ? 1 : 0);
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => !open && setQuery("")}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      <span className="field__hint" id={`${id}-hint`}>
        {chosen ? `Now: ${chosen.slug ?? chosen.canonical}` : "No claim chosen."} Type to search; ↓ ↑ and Enter to choose.
      </span>
      <ul id={listId} role="listbox" aria-label={`${label}: matches`} className="claim-picker__list" hidden={!open}>
        {rows.map((o, i) => (
          <li
            key={o?.id ?? ""}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? "claim-picker__option claim-picker__option--active" : "claim-picker__option"}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
            onMouseEnter={() => setActive(i)}
          >
            {o ? (
              <>
                {o.canonical.length > 110 ? `${o.canonical.slice(0, 110)}…` : o.canonical}
                <span className="small muted">
                  {" "}
                  {[o.speaker?.name, o.slug, o.status].filter(Boolean).join(" · ")}
                </span>
              </>
            ) : (
              "No claim"
            )}
          </li>
        ))}
        {open && matches.length > SHOWN && <li role="presentation" className="small muted">{matches.length - SHOWN} more: type more words to narrow the list.</li>}
        {open && query && matches.length === 0 && <li role="presentation" className="small muted">No claim matches “{query}”.</li>}
      </ul>
    </div>
  );
}
