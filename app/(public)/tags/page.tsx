import type { Metadata } from "next";
import { connection } from "next/server";
import { plural } from "@/components/format";
import { TagChip } from "@/components/tag-chip";
import { listClaimTags } from "@/lib/claims";

export const metadata: Metadata = { title: "Tags", description: "Topics, entities and framing tags on published claims." };

const KINDS = [
  { kind: "topic", title: "Topics" },
  { kind: "entity", title: "Entities" },
  { kind: "framing", title: "Framing" },
] as const;

export default async function TagsPage() {
  await connection();
  const tags = await listClaimTags();
  return (
    <>
      <div className="page-head">
        <h1>Tags</h1>
        <p className="lede">Topics and entities group claims; framing tags mark how an outlet presented a quote.</p>
      </div>
      {KINDS.map(({ kind, title }) => {
        const ofKind = tags.filter((t) => t.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} className="section" aria-labelledby={`tags-${kind}`}>
            <h2 id={`tags-${kind}`}>{title}</h2>
            <ul className="list">
              {ofKind.map((t) => (
                <li key={t.slug}>
                  <TagChip tag={t} href={kind === "framing" ? undefined : `/claims?tag=${t.slug}`} />{" "}
                  <span className="muted small">
                    {kind === "framing" ? plural(t.quotes, "quote") : plural(t.claims, "published claim")}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
