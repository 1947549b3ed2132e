"use client";

import { useMemo } from "react";
import { listCountries } from "@/lib/countries";

/** The countries' names as a `<datalist>` for a country field (`<input list={id}>`), which accepts a name or a two-letter code. */
export function CountryList({ id }: { id: string }) {
  const countries = useMemo(() => listCountries(), []);
  return (
    <datalist id={id}>
      {countries.map((c) => (
        <option key={c.code} value={c.name} />
      ))}
    </datalist>
  );
}
