import type { Metadata } from "next";
import { connection } from "next/server";
import { plural } from "@/components/format";
import { listOutlets } from "@/lib/outlets";

export const metadata: Metadata = { title: "Outlets" };

export default async function OutletsPage() {
  await connection();
  const outlets = await listOutlets();
  return (
    <>
      <h1>Outlets</h1>
      <div className="grid grid--2">
        {outlets.map((o) => (
          <article key={o.id} className="card">
            <h2>{o.name}</h2>
            <p className="card__meta">
              {[o.domain, o.country].filter(Boolean).join(" · ")} · {plural(o._count.articles, "article")}
            </p>
            {o.description && <p>{o.description}</p>}
          </article>
        ))}
      </div>
    </>
  );
}
