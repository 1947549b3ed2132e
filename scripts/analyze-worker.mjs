// The worker thread's entry for scripts/analyze.ts: plain JavaScript, so that it loads without a
// TypeScript loader, which it then registers (tsx) for its own thread before importing the
// worker's TypeScript source (the pattern of lib/analysis-worker-entry.mjs).
import { register } from "tsx/esm/api";

register();
await import("./analyze-worker.ts");
