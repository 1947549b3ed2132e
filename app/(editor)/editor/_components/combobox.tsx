"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";

export interface ComboboxOption {
  value: string;
  /** What the option says, and what the box shows once it is chosen. */
  label: string;
  /** Shown small beside the label in the list, and searched too ("speaker · slug · status"). */
  detail?: string;
}

/** Matches shown at once; typing narrows the rest. */
const SHOWN = 20;

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** Options whose label or detail contain every typed word (accents and case ignored), label matches first. */
export function searchOptions<T extends ComboboxOption>(options: T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return options;
  const scored: { o: T; score: number }[] = [];
  for (const o of options) {
    const label = fold(o.label);
    const hay = `${label} ${fold(o.detail ?? "")}`;
    if (!words.every((w) => hay.includes(w))) continue;
    scored.push({ o, score: words.filter((w) => label.includes(w)).length });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.o);
}

/**
 * A search box over a long list of choices, instead of one long select. Follows
 * the WAI-ARIA combobox pattern: the input has role="combobox" and points at the
 * listbox and its active option; ↓/↑ move, Enter chooses, Esc closes and restores
 * the chosen option's text. `fixed` choices ("All speakers", "No claim") are always
 * listed first, whatever is typed. `value` is the chosen option's value.
 */
export function Combobox({
  id,
  label,
  options,
  fixed = [],
  value,
  onChange,
  placeholder,
  hint,
  invalid = false,
}: {
  id: string;
  label: string;
  options: ComboboxOption[];
  fixed?: ComboboxOption[];
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** Said under the box before "Type to search; ↓ ↑ and Enter to choose." */
  hint?: string;
  invalid?: boolean;
}) {
  const listId = useId();
  const chosen = fixed.find((o) => o.value === value) ?? options.find((o) => o.value === value) ?? null;
  const [query, setQuery] = useState<string | null>(null); // null: closed, showing the chosen option
  const [active, setActive] = useState(0);
  const open = query !== null;
  const matches = useMemo(() => (open ? searchOptions(options, query) : []), [open, options, query]);
  const rows: ComboboxOption[] = [...fixed, ...matches.slice(0, SHOWN)];
  const optionId = (i: number) => `${listId}-option-${i}`;

  const choose = (o: ComboboxOption | undefined) => {
    if (o) onChange(o.value);
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
      if (rows.length) setActive((a) => (a + (e.key === "ArrowDown" ? 1 : rows.length - 1)) % rows.length);
    } else if (e.key === "Enter" && open) {
      e.preventDefault(); // choose, do not submit the form
      choose(rows[active]);
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
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && rows.length ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        placeholder={placeholder}
        value={open ? query : (chosen?.label ?? "")}
        onChange={(e) => {
          setQuery(e.target.value);
          // Typing makes the best match active, not the fixed choices above it.
          setActive(e.target.value.trim() ? fixed.length : 0);
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => !open && setQuery("")}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      <span className="field__hint" id={`${id}-hint`}>
        {hint ? `${hint} ` : ""}Type to search; ↓ ↑ and Enter to choose.
      </span>
      <ul id={listId} role="listbox" aria-label={`${label}: matches`} className="claim-picker__list" hidden={!open}>
        {rows.map((o, i) => (
          <li
            key={`${i < fixed.length ? "fixed" : "option"}-${o.value}`}
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
            {o.label.length > 110 ? `${o.label.slice(0, 110)}…` : o.label}
            {o.detail && <span className="small muted"> {o.detail}</span>}
          </li>
        ))}
        {open && matches.length > SHOWN && (
          <li role="presentation" className="small muted">
            {matches.length - SHOWN} more: type more words to narrow the list.
          </li>
        )}
        {open && query && matches.length === 0 && (
          <li role="presentation" className="small muted">
            Nothing matches “{query}”.
          </li>
        )}
      </ul>
    </div>
  );
}
