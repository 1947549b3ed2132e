import type { Metadata } from "next";
import { HistoryList } from "@/app/(editor)/editor/_components/history-list";
import { requireAdmin } from "@/lib/auth";
import { getVerdictLabelsHistory, listVerdictLabelsForAdmin } from "@/lib/verdict-labels";
import { NewVerdictLabelForm, VerdictLabelRow } from "./_components/verdict-label-forms";

export const metadata: Metadata = { title: "Verdict labels" };

export default async function VerdictLabelsPage() {
  await requireAdmin("/editor/admin/verdict-labels");
  const [labels, history] = await Promise.all([listVerdictLabelsForAdmin(), getVerdictLabelsHistory()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Verdict labels</h1>
          <p className="lede">
            The verdicts editors rate claims with, in the order they are offered. A place on the truth scale (1 false … 5 true) is published as ClaimReview&apos;s
            ratingValue; a verdict that is not a degree of truth (Unverifiable, Satire) has none and is published by name only.
          </p>
        </div>
      </div>
      <div className="claim-grid">
        <div className="stack">
          <ol className="list verdict-labels" aria-label="Verdict labels">
            {labels.map((label, i) => (
              <VerdictLabelRow
                key={label.id}
                label={{ id: label.id, version: label.version, name: label.name, description: label.description ?? "", ratingValue: label.ratingValue === null ? "" : (String(label.ratingValue) as "1"), uses: label.uses }}
                first={i === 0}
                last={i === labels.length - 1}
              />
            ))}
          </ol>
          <section className="card">
            <h2>History</h2>
            <HistoryList events={history} showSubjects />
          </section>
        </div>
        <aside className="card">
          <h2>New verdict</h2>
          <NewVerdictLabelForm />
        </aside>
      </div>
    </>
  );
}
