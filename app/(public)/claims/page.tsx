import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { plural } from "@/components/format";
import { listPublishedClaims } from "@/lib/claims";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage() {
  await connection();
  const claims = await listPublishedClaims({ take: 200 });
  return (
    <>
      <h1>Claims</h1>
      {claims.length === 0 ? (
        <p className="empty">There are no published claims yet. Editors publish claims once they have reviewed the quotes that carry them.</p>
      ) : (
        <ul className="list">
          {claims.map((c) => (
            <li key={c.id}>
              <Link href={`/claims/${c.slug}`}>“{c.canonical}”</Link>
              <div className="muted small">
                {c.speaker?.name ?? "Unattributed"} · {plural(c._count.quotes, "quote")}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
