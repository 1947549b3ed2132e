import type { Metadata } from "next";
import Link from "next/link";
import { NewTagForm } from "@/app/(editor)/editor/tags/_components/tag-forms";
import { requireEditor } from "@/lib/auth";
import { listTags } from "@/lib/tags";

export const metadata: Metadata = { title: "Tags" };

const KIND_HINT = { topic: "what a claim is about", entity: "who or what is named", framing: "how outlets frame it" } as const;

export default async function TagsPage() {
  await requireEditor("/editor/tags");
  const tags = await listTags();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Tags</h1>
          <p className="lede">Topics, entities and framings, attached to claims and quotes.</p>
        </div>
      </div>
      <div className="claim-grid">
        <div className="stack">
          {(["topic", "entity", "framing"] as const).map((kind) => {
            const ofKind = tags.filter((t) => t.kind === kind);
            return (
              <section key={kind}>
                <div className="section__head">
                  <h2>{kind[0].toUpperCase() + kind.slice(1)} tags</h2>
                  <span className="muted small">{KIND_HINT[kind]}</span>
                </div>
                {ofKind.length === 0 ? (
                  <p className="empty small">No {kind} tags yet.</p>
                ) : (
                  <div className="table-wrap">
                    <table className="table">
                      <thead>
                        <tr>
                          <th>Tag</th>
                          <th>Claims</th>
                          <th>Quotes</th>
                        </tr>
                      </thead>
                      <tbody>
                        {ofKind.map((t) => (
                          <tr key={t.id}>
                            <td>
                              <span className="swatch" style={{ background: t.colour }} aria-hidden="true" />{" "}
                              <Link href={`/editor/tags/${t.id}`}>{t.name}</Link>
                            </td>
                            <td>{t._count.claims}</td>
                            <td>{t._count.quotes}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            );
          })}
        </div>
        <aside className="card">
          <h2>New tag</h2>
          <NewTagForm />
        </aside>
      </div>
    </>
  );
}
