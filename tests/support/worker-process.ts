/**
 * `npm run worker` as its own process, as a person runs it (scripts/worker.ts
 * through tsx), for tests and benchmarks that need several workers on one
 * PostgreSQL or a worker killed without warning.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves when it prints its start line ("worker PID: …"); rejects if it exits first or takes over `ms`. */
  started(ms?: number): Promise<void>;
  /** Resolves with its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** kill -9 of its whole process group (tsx and the node it runs). */
  killHard(): Promise<void>;
  /** SIGTERM: stops after its running jobs. */
  stop(): Promise<number | null>;
}

export function startWorkerProcess(env: Record<string, string | undefined>, concurrency = 1, queues?: string[]): WorkerProcess {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const args = ["--conditions=react-server", "scripts/worker.ts", "--concurrency", String(concurrency), ...(queues ? ["--queues", queues.join(",")] : [])];
  const child = spawn(tsx, args, {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: "", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    async started(ms = 90_000) {
      const until = Date.now() + ms;
      while (!/worker \d+: \d+ at once/.test(out)) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the worker exited before it started:\n${out}`);
        if (Date.now() > until) throw new Error(`the worker did not start within ${ms} ms:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    exited,
    async killHard() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
      await exited;
    },
    async stop() {
      // To tsx alone, which passes it on to the node it runs (once).
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
