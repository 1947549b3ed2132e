import slugifyLib from "@sindresorhus/slugify";

/** URL slug for a name; transliterates (é → e, ß → ss) and caps the length. */
export function slugify(input: string, maxLength = 80): string {
  const slug = slugifyLib(input, { decamelize: false }).slice(0, maxLength).replace(/(?<!-)-+$/, "");
  return slug || "untitled";
}

/** `base`, or `base-2`, `base-3`… : the first that `taken` says is free. */
export async function uniqueSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  const root = slugify(base);
  if (!(await taken(root))) return root;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${root}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new Error(`no free slug for ${root}`);
}

// Words a readable slug does not end on: "…-safe-haven-for" reads as cut off.
const DANGLING = new Set(
  "a an the of for to and or nor but in on at by with from as into onto than that which who whom whose is are was were be been its it their his her our your this these those not".split(" "),
);

/**
 * The slug of a new claim, from its summary wording: whole words only (never
 * cut inside a word), at most `maxWords` words and `maxLength` characters, and
 * never ending on a word that leaves the phrase hanging ("…-haven-for").
 * Existing claims keep their slugs: public links must keep working.
 */
export function claimSlug(summary: string, { maxWords = 8, maxLength = 60 } = {}): string {
  const words = slugifyLib(summary, { decamelize: false }).split("-").filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    if (kept.length >= maxWords || [...kept, word].join("-").length > maxLength) break;
    kept.push(word);
  }
  while (kept.length > 1 && DANGLING.has(kept[kept.length - 1])) kept.pop();
  return kept.join("-") || slugify(summary, maxLength);
}
