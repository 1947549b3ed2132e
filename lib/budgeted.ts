import { availableParallelism } from "node:os";
import path from "node:path";
import type { Worker as WorkerThread } from "node:worker_threads";

/**
 * Untrusted input (an imported page, an article's text) is parsed and analysed
 * off the request thread, in a worker thread with a time and memory budget, so
 * that no input can block the server for other users (a nested page made
 * Readability run for minutes; a cubic pattern once took hours).
 *
 * `runBudgeted(task, input)` runs one task of lib/analysis-worker.ts in a worker
 * thread and resolves with its result. It rejects with `BudgetExceededError`
 * when the task runs past `timeMs` (the thread is terminated, which stops even a
 * running regular expression), past `memoryMb` of heap (the thread dies), or
 * when the task refuses its input as too large or too deeply nested. Idle
 * threads are kept for the next task (starting one and loading the analysis
 * costs about a second); a thread that overran is never reused. A job queue can
 * call this the same way.
 */
export type BudgetKind = "time" | "memory" | "size" | "depth";

export class BudgetExceededError extends Error {
  constructor(
    readonly kind: BudgetKind,
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "BudgetExceededError";
  }
}

export interface Budget {
  /** Wall-clock time for the task, in ms (default IMPORT_TIME_BUDGET_SECONDS, 120 s). */
  timeMs: number;
  /** The worker's old-generation heap, in MB (default IMPORT_MEMORY_BUDGET_MB, 1024). */
  memoryMb: number;
}

export function defaultBudget(): Budget {
  return {
    timeMs: Number(process.env.IMPORT_TIME_BUDGET_SECONDS ?? 120) * 1000,
    memoryMb: Number(process.env.IMPORT_MEMORY_BUDGET_MB ?? 1024),
  };
}

/**
 * The message an analysis thread answers with when a task names a context (speaker registry and
 * primary sources, lib/ingest-plan.ts analyzeOffThread) it does not hold: send it again with them.
 */
export const ANALYSIS_CONTEXT_MISSING = "analysis context missing";

/** Limits checked before any parsing: the page's size and how deep its tags nest. */
export const INPUT_LIMITS = {
  /** Characters of article text (the import form's own limit is 1,000,000). */
  maxChars: 2_000_000,
  /** Characters of an HTML page (a page fetched by URL is at most 8 MB: lib/import-url.ts). */
  maxHtmlChars: 8 * 1024 * 1024,
  /** Elements nested in the parsed page (real articles nest 20–40 deep). */
  maxDepth: 120,
};

const ENTRY = path.join(process.cwd(), "lib", "analysis-worker-entry.mjs");
// Taken at run time: the bundler would otherwise follow `new Worker(ENTRY)` and try
// to bundle the worker (and tsx with it) into the server build.
const { Worker } = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");
type Worker = WorkerThread;
// Idle threads kept: as many as lib/ingest.ts runs analyses at once (one per core, 2 to 4).
const MAX_IDLE = Math.max(2, Math.min(4, availableParallelism()));

type Tasks = typeof import("./analysis-worker").tasks;
export type TaskName = keyof Tasks;

type Reply = { ok: true; result: unknown } | { ok: false; budget?: BudgetKind; message: string; detail?: Record<string, unknown>; stack?: string };

const idle = new Map<number, Worker[]>(); // by memory budget

function spawn(memoryMb: number): Worker {
  const worker = new Worker(ENTRY, {
    // Under the react-server condition like the server's own code (`server-only` resolves).
    execArgv: ["--conditions=react-server"],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 8 },
  });
  // An idle thread that dies leaves the pool (and never takes the process down).
  worker.on("error", () => {});
  worker.on("exit", () => {
    const pool = idle.get(memoryMb);
    if (pool?.includes(worker)) pool.splice(pool.indexOf(worker), 1);
  });
  return worker;
}

export function runBudgeted<K extends TaskName>(task: K, input: Parameters<Tasks[K]>[0], budget: Budget = defaultBudget()): Promise<Awaited<ReturnType<Tasks[K]>>> {
  const pool = idle.get(budget.memoryMb) ?? [];
  idle.set(budget.memoryMb, pool);
  const worker = pool.pop() ?? spawn(budget.memoryMb);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (reuse: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (reuse && pool.length < MAX_IDLE) {
        worker.unref();
        pool.push(worker);
      } else void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => {
      finish(false, () => reject(new BudgetExceededError("time", `Stopped after ${Math.round(budget.timeMs / 1000)} seconds: this input takes too long to process.`, { task, timeMs: budget.timeMs })));
    }, budget.timeMs);
    const onMessage = (message: Reply) => {
      finish(true, () => {
        if (message.ok) return resolve(message.result as Awaited<ReturnType<Tasks[K]>>);
        if (message.budget) return reject(new BudgetExceededError(message.budget, message.message, { task, ...message.detail }));
        const error = new Error(message.message);
        error.stack = message.stack;
        reject(error);
      });
    };
    const onError = (error: Error & { code?: string }) => {
      finish(false, () => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
          reject(new BudgetExceededError("memory", `Stopped at ${budget.memoryMb} MB of memory: this input is too large to process.`, { task, memoryMb: budget.memoryMb }));
        } else reject(error);
      });
    };
    const onExit = (code: number) => finish(false, () => reject(new Error(`The analysis worker stopped (exit code ${code}) without a result.`)));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.ref();
    worker.postMessage({ task, input });
  });
}

/**
 * Starts `count` threads (default: as many as the pool keeps) and loads the
 * analysis in each, so that the first texts do not wait for it (2.4 s for two
 * threads on two cores): for a command about to analyse many texts (`npm run
 * import`), started beside its other start-up work. Resolves when the threads
 * are idle in the pool; never rejects (a thread that fails to start is started
 * again by the first task that needs it).
 */
export async function warmUp(count = MAX_IDLE): Promise<void> {
  const text = "“The pool is ready,” the worker said.";
  await Promise.all(Array.from({ length: count }, () => runBudgeted("analyze", { text, speakers: [], sources: [] }).catch(() => undefined)));
}
