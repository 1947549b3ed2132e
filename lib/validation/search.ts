import { z } from "zod";
import { safeString } from "./text";

export const searchTypes = ["all", "claims", "quotes", "articles"] as const;
export type SearchType = (typeof searchTypes)[number];

export const SEARCH_MAX_PAGE = 50;

/** Search parameters, from the search page's query string and GET /api/search. */
export const searchSchema = z.object({
  q: safeString("The search")
    .trim()
    .min(2, "Type at least 2 characters.")
    .max(200, "Search for at most 200 characters."),
  type: z.enum(searchTypes, { error: "Choose claims, quotes, articles or all." }).default("all"),
  page: z.coerce
    .number({ error: "The page must be a number." })
    .int("The page must be a whole number.")
    .min(1, "Pages start at 1.")
    .max(SEARCH_MAX_PAGE, `Results stop at page ${SEARCH_MAX_PAGE}; narrow the search instead.`)
    .default(1),
  /** "1": search the words as typed, with no spelling correction (the "Search instead for" link). */
  verbatim: z
    .enum(["1", "0"], { error: "verbatim is 1 (search the words as typed) or 0." })
    .default("0")
    .transform((v) => v === "1"),
});
export type SearchInput = z.infer<typeof searchSchema>;

/** Reads the first value of each parameter, as URLSearchParams and Next's searchParams give them. */
export function firstValues(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (params instanceof URLSearchParams) {
    for (const key of params.keys()) out[key] ??= params.get(key) ?? undefined;
  } else {
    for (const [key, value] of Object.entries(params)) out[key] = Array.isArray(value) ? value[0] : value;
  }
  return out;
}
