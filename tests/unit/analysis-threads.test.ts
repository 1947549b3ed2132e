/**
 * The analysis threads (lib/budgeted.ts) get the speaker registry and the primary sources once,
 * not with every article (lib/ingest-plan.ts analyzeOffThread): each article is analysed with
 * the context it was sent with, whichever thread takes it and whatever it analysed before.
 */
import { describe, expect, it } from "vitest";
import type { SpeakerEntry } from "@/lib/analysis/speakers";
import { analyzeOffThread } from "@/lib/ingest-plan";

const text = [
  "Harbour plan divides the town",
  "“The dredging will double the harbour's depth by 2031,” Ilse Varga said on Tuesday.",
  "The port authority's plan has been criticised by fishermen.",
].join("\n\n");

const sourceSaying = (words: string) => [{ id: "plan", text: `Harbour Plan 2030.\n\n${words}\n\nThe authority will report each year.` }];
const exactSource = sourceSaying("The dredging will double the harbour's depth by 2031.");
const alteredSource = sourceSaying("The dredging will increase the harbour's depth by a third by 2035.");
const varga: SpeakerEntry[] = [{ id: "speaker-varga", name: "Ilse Varga", kind: "person", aliases: ["Ilse Varga"] }];

function fidelityOf(result: Awaited<ReturnType<typeof analyzeOffThread>>) {
  const i = result.analysis.quotes.findIndex((q) => q.exact.startsWith("The dredging"));
  return { status: result.fidelity[i]?.status ?? null, speakerId: result.analysis.quotes[i]?.speakerId ?? null };
}

// Each thread loads the analysis (about a second of CPU) on its first task.
describe("analysis threads and their context", { timeout: 60_000 }, () => {
  it("analyses each article against the sources and speakers it was sent with, in any order and at once", async () => {
    const a = { speakerEntries: varga, sourceDocuments: exactSource };
    const b = { speakerEntries: [] as SpeakerEntry[], sourceDocuments: alteredSource };
    const none = { speakerEntries: [] as SpeakerEntry[], sourceDocuments: [] as { id: string; text: string }[] };
    // Alternating contexts, several in flight: every thread sees each context for the first time at some point.
    const order = [a, b, a, none, b, a, b, none, a];
    const results: Awaited<ReturnType<typeof analyzeOffThread>>[] = [];
    for (let k = 0; k < order.length; k += 3) results.push(...(await Promise.all(order.slice(k, k + 3).map((ctx) => analyzeOffThread(ctx, text)))));
    results.forEach((r, k) => {
      const ctx = order[k];
      const got = fidelityOf(r);
      if (ctx === a) expect(got).toEqual({ status: "verbatim", speakerId: "speaker-varga" });
      else if (ctx === b) expect(got).toEqual({ status: "altered", speakerId: null });
      else expect(got).toEqual({ status: null, speakerId: null });
    });
  });

  it("a changed source list is a new context: the same text is measured against the new sources", async () => {
    const before = await analyzeOffThread({ speakerEntries: varga, sourceDocuments: alteredSource }, text);
    const after = await analyzeOffThread({ speakerEntries: varga, sourceDocuments: [...alteredSource, ...exactSource.map((s) => ({ ...s, id: "plan-2" }))] }, text);
    expect(fidelityOf(before).status).toBe("altered");
    expect(fidelityOf(after).status).toBe("verbatim");
  });
});
