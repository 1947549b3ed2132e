import type { SelectHTMLAttributes } from "react";

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A labelled select with an empty first choice ("No speaker", "All outlets"):
 * the one shape every editor form and filter uses. Extra props (react-hook-form's
 * `register(...)`, or `value`/`onChange`) go to the select itself.
 */
export function SelectField({
  id,
  label,
  empty,
  options,
  ...select
}: { id: string; label: string; empty: string; options: SelectOption[] } & SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
