/**
 * A throw-away Redis for tests (Debian's `redis-server`), as tests/support/postgres.ts
 * does for PostgreSQL: in memory only (no snapshot, no append-only file), on
 * 127.0.0.1, stopped with the test. `restart()` brings it back on the same port,
 * empty, as a crashed Redis without persistence comes back.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";

export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

function findRedisServer(): string {
  for (const candidate of ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]) if (existsSync(candidate)) return candidate;
  throw new Error("redis-server not found: install it (apt-get install redis-server) to run the cache tests");
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(1000);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => {
      socket.destroy();
      resolve(d.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function launch(port: number): ChildProcess {
  return spawn(findRedisServer(), ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], {
    stdio: "ignore",
  });
}

async function waitUntil(check: () => Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} within ${ms / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  return exited;
}

export async function startRedis(port: number): Promise<TestRedis> {
  let child = launch(port);
  await waitUntil(() => answers(port), 15_000, `redis-server did not answer on ${port}`);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopChild(child),
    async restart() {
      await stopChild(child);
      child = launch(port);
      await waitUntil(() => answers(port), 15_000, `redis-server did not come back on ${port}`);
    },
  };
}
