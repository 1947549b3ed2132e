/**
 * The worker-thread side of lib/budgeted.ts: the tasks that parse and analyse
 * untrusted input. The thread answers each `{ task, input }` message with
 * `{ ok: true, result }` or `{ ok: false, message, budget? }`.
 */
import { isMainThread, parentPort } from "node:worker_threads";
import { isClaimStatement } from "./analysis/claim-statement";
import { checkFidelity, indexSources } from "./analysis/fidelity";
import { analyzeArticle } from "./analysis/pipeline";
import { createSpeakerRegistry, type SpeakerEntry } from "./analysis/speakers";
import { ANALYSIS_CONTEXT_MISSING, BudgetExceededError, INPUT_LIMITS } from "./budgeted";
import { cleanPastedText, type PasteOptions } from "./paste-cleaner";

function checkSize(text: string, what: string, max = INPUT_LIMITS.maxChars) {
  if (text.length > max) {
    throw new BudgetExceededError("size", `${what} is ${text.length.toLocaleString("en")} characters; at most ${max.toLocaleString("en")} can be processed.`, {
      chars: text.length,
    });
  }
}

/** Contexts sent with a name (lib/ingest-plan.ts analyzeOffThread), the last few. */
const named = new Map<string, { registry: ReturnType<typeof createSpeakerRegistry>; sources: ReturnType<typeof indexSources> | null }>();
const NAMED_MAX = 2;

/**
 * The registry and source index for a task: built from the lists it carries (kept under its
 * context name, when it has one: every caller but the warm-up names it), or the ones kept under
 * its name. Throws ANALYSIS_CONTEXT_MISSING for a name alone that this thread does not hold.
 */
function analysisContext(input: { context?: string; speakers?: SpeakerEntry[]; sources?: { id: string; text: string }[] }) {
  if (input.speakers && input.sources) {
    const built = { registry: createSpeakerRegistry(input.speakers), sources: input.sources.length ? indexSources(input.sources) : null };
    if (!input.context) return built;
    if (named.size >= NAMED_MAX) named.delete(named.keys().next().value!);
    named.set(input.context, built);
    return built;
  }
  const kept = input.context ? named.get(input.context) : undefined;
  if (!kept) throw new Error(ANALYSIS_CONTEXT_MISSING);
  return kept;
}

export const tasks = {
  /** An HTML page → its article text and metadata (lib/html-to-text.ts). */
  async htmlToArticle(input: { html: string; url: string | null }) {
    checkSize(input.html, "The page", INPUT_LIMITS.maxHtmlChars);
    // Loaded on first use: jsdom costs a thread about 1.6 s of CPU, which a thread that only
    // analyses text (a bulk import of .txt files) never needs.
    const { htmlToArticle } = await import("./html-to-text");
    return htmlToArticle(input.html, input.url);
  },
  /** A PDF's bytes → its text in reading order (lib/pdf-to-text.ts); rejects on a damaged or encrypted file. */
  async pdfToText(input: { bytes: Uint8Array }) {
    const { pdfToText } = await import("./pdf-to-text");
    return pdfToText(input.bytes);
  },
  /** Pasted text → unwrapped, without page furniture (lib/paste-cleaner.ts). */
  cleanPastedText(input: { text: string; options: PasteOptions }) {
    checkSize(input.text, "The text");
    return cleanPastedText(input.text, input.options);
  },
  /**
   * An article's text → quotes, speakers and claim groups, each quote's fidelity to the primary
   * sources, and whether each quote can found a claim of its own (lib/analysis/claim-statement.ts).
   */
  analyze(input: { text: string; context?: string; speakers?: SpeakerEntry[]; sources?: { id: string; text: string }[] }) {
    checkSize(input.text, "The article");
    const { registry, sources } = analysisContext(input);
    const analysis = analyzeArticle(input.text, { registry });
    const fidelity = analysis.quotes.map((q) => (sources && q.kind !== "title" ? checkFidelity(q.exact, sources) : null));
    const claimable = analysis.quotes.map((q) => isClaimStatement(q));
    return { analysis, fidelity, claimable };
  },
};

async function run(task: keyof typeof tasks, input: never) {
  try {
    return { ok: true, result: await tasks[task](input) };
  } catch (error) {
    if (error instanceof BudgetExceededError) return { ok: false, budget: error.kind, message: error.message, detail: error.detail };
    // Deep input can overflow a recursive parser even under the depth limit.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { ok: false, budget: "depth", message: "This input nests too deeply to process." };
    return { ok: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", ({ task, input }: { task: keyof typeof tasks; input: never }) => void run(task, input).then((reply) => port.postMessage(reply)));
}
