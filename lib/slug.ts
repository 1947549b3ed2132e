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
