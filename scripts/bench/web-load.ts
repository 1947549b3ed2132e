// How `npm run bench:web` measures: single cold requests, autocannon load, and an editor's write a second.
import autocannon from "autocannon";
import { callActionOver } from "@/tests/support/server-actions";
import type { ClaimRef } from "./web-corpus";
import { BASE, CONNECTIONS, DURATION, sleep } from "./web-settings";

export async function get(pathname: string): Promise<{ ms: number; cache: string | null }> {
  const t = performance.now();
  const res = await fetch(`${BASE}${pathname}`, { headers: { "accept-encoding": "gzip" } });
  await res.arrayBuffer();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${pathname}: ${res.status}`);
  return { ms, cache: res.headers.get("x-claimscope-cache") };
}

/** First requests, one at a time: the render cost of a page with no cached copy. */
export async function cold(paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const p of paths) {
    const { ms, cache } = await get(p);
    if (cache === "HIT") throw new Error(`${p} was expected to be a miss`);
    times.push(ms);
  }
  return times;
}

export async function warm(paths: string[], concurrency = 4) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < paths.length) await get(paths[next++]);
  }));
}

export interface Load {
  rps: number;
  p99: number;
  errors: number;
}

export async function load(paths: string[], seconds = DURATION): Promise<Load> {
  let i = 0;
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { "accept-encoding": "gzip" },
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, status) => {
      if (status >= 400) errors++;
    });
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: errors + result.errors + result.timeouts };
}

/** One editorial write a second (a summary edit of a claim readers are reading) until `stop`. */
export function writer(cookie: string, claims: ClaimRef[], versions: Map<string, number>) {
  let stopped = false;
  let writes = 0;
  let failures = 0;
  const times: number[] = [];
  const done = (async () => {
    for (let n = 0; !stopped; n++) {
      const started = Date.now();
      const claim = claims[(n * 7919) % claims.length];
      const t = performance.now();
      try {
        const result = await callActionOver(BASE, "editClaimAction", cookie, {
          id: claim.id,
          version: versions.get(claim.id) ?? 1,
          canonical: claim.canonical,
          summary: `Benchmark edit ${Date.now()}`,
          speakerId: claim.speakerId,
          sourceDocumentId: null,
          rebutsId: null,
        });
        if (result.ok) {
          versions.set(claim.id, (result.data as { version: number }).version);
          writes++;
          times.push(performance.now() - t);
        } else {
          failures++;
          if (failures <= 3) console.log(`    write refused: ${result.error}`);
        }
      } catch (error) {
        failures++;
        if (failures <= 3) console.log(`    write failed: ${String(error).slice(0, 200)}`);
      }
      await sleep(Math.max(0, 1000 - (Date.now() - started)));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return { writes, failures, times };
    },
  };
}
