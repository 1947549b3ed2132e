// The worker thread's entry (lib/budgeted.ts): plain JavaScript, so that it loads
// without a TypeScript loader, which it then registers (tsx) for the worker's own
// thread before importing the tasks from their TypeScript source.
import { register } from "tsx/esm/api";

register();
await import("./analysis-worker.ts");
