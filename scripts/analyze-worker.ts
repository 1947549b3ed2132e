// A worker thread of scripts/analyze.ts: reads and analyses the articles it is sent
// (prepareArticle: quotes, speakers, fidelity, the claim-matching view) and sends each back
// slimmed to what the CLI writes and groups. Grouping stays on the main thread, in article order.

import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { indexSources, type PrimarySource } from "../lib/analysis/fidelity";
import { prepareArticle } from "../lib/analysis/pipeline";
import { createSpeakerRegistry } from "../lib/analysis/speakers";
import { type AnalyzeTask, slimArticle } from "./analyze-shared";

const { primary } = workerData as { primary: PrimarySource[] | undefined };
const registry = createSpeakerRegistry();
const sources = primary?.length ? indexSources(primary) : null;

parentPort!.on("message", (task: AnalyzeTask) => {
  const text = readFileSync(task.path, "utf8");
  const prepared = prepareArticle({ id: task.id, text }, registry, sources);
  parentPort!.postMessage({ n: task.n, bytes: Buffer.byteLength(text), article: slimArticle(prepared) });
});
