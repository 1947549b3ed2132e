/**
 * What makes the per-server copies of public responses agree: a purge counter
 * (`seq`) and, for each surrogate key, the counter value of its last purge. A
 * response is stored only if none of its keys was purged after its render
 * began, and served only while that still holds. With several app servers they
 * live in Redis (REDIS_URL), so a purge on one server is seen by the next
 * request on any other; with one server (no REDIS_URL) they live in memory.
 *
 * Redis is never asked for response bodies: a hit costs one small round trip
 * (the `SNAPSHOT` script: read `epoch` and `seq`), shared by all requests that arrive while one is under way.
 * When Redis cannot be reached the cache steps aside (every request renders
 * from the database) and each server drops its copies, so nothing rendered
 * before the outage is served after it; purges that failed are retried.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/** The state a response's validity is judged against. */
export interface Snapshot {
  /** Changes when the shared store lost its memory (a Redis restart): everything older is void. */
  epoch: string;
  seq: number;
}

export interface Coordinator {
  /** The current counter, read after this call; null when the store is unreachable (cache off). */
  snapshot(): Promise<Snapshot | null>;
  /**
   * Whether a response rendered from `since` with `keys` is still current; returns
   * the counter it was checked at, or null (purged since, or store unreachable).
   */
  validate(keys: readonly string[], since: Snapshot): Promise<Snapshot | null>;
  /** Records a purge of `keys`; resolves when every server will see it. Throws when the store is unreachable. */
  purge(keys: readonly string[]): Promise<void>;
  /** Called when the store is lost (drop every copy). */
  onLoss(listener: () => void): void;
  close(): Promise<void>;
}

/** How long a purge record is kept: longer than any copy may live (entry TTL × 2). */
function tagTtlSeconds(entryTtlMs: number) {
  return Math.ceil((2 * entryTtlMs) / 1000);
}

/** One app server: the counter lives in this process. */
export class LocalCoordinator implements Coordinator {
  private seq = 0;
  private readonly purged = new Map<string, number>();
  private readonly epoch = randomUUID();

  async snapshot(): Promise<Snapshot> {
    return { epoch: this.epoch, seq: this.seq };
  }

  async validate(keys: readonly string[], since: Snapshot): Promise<Snapshot | null> {
    if (since.epoch !== this.epoch) return null;
    for (const key of keys) if ((this.purged.get(key) ?? 0) > since.seq) return null;
    return { epoch: this.epoch, seq: this.seq };
  }

  async purge(keys: readonly string[]): Promise<void> {
    this.seq++;
    for (const key of keys) this.purged.set(key, this.seq);
  }

  onLoss(): void {}

  async close(): Promise<void> {}
}

// KEYS: epoch, seq. ARGV: a new epoch if there is none. Returns {epoch, seq}.
const SNAPSHOT = `
local e = redis.call('GET', KEYS[1])
if not e then redis.call('SET', KEYS[1], ARGV[1], 'NX'); e = redis.call('GET', KEYS[1]) end
return {e, redis.call('GET', KEYS[2]) or '0'}`;

// KEYS: epoch, seq, key records… ARGV: epoch, since. Returns seq, or -1 if purged since (or another epoch).
const VALIDATE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
local since = tonumber(ARGV[2])
for i = 3, #KEYS do
  local v = redis.call('GET', KEYS[i])
  if v and tonumber(v) > since then return -1 end
end
return tonumber(redis.call('GET', KEYS[2]) or '0')`;

// KEYS: epoch, seq, key records… ARGV: ttl seconds, a new epoch if there is none. Returns the new seq.
const PURGE = `
if not redis.call('GET', KEYS[1]) then redis.call('SET', KEYS[1], ARGV[2], 'NX') end
local s = redis.call('INCR', KEYS[2])
for i = 3, #KEYS do redis.call('SET', KEYS[i], s, 'EX', tonumber(ARGV[1])) end
return s`;

/**
 * Several app servers: the counter in Redis. Commands fail fast when Redis is
 * down (no offline queue, short timeout), so readers never wait on it.
 */
export class RedisCoordinator implements Coordinator {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly tagTtl: number;
  private current: Promise<Snapshot | null> | null = null;
  private next: Promise<Snapshot | null> | null = null;
  private readonly lossListeners: (() => void)[] = [];
  private readonly pending = new Set<string>();
  private retrying = false;

  constructor(redis: Redis, { prefix = "claimscope:cache:", entryTtlMs }: { prefix?: string; entryTtlMs: number }) {
    this.redis = redis;
    this.prefix = prefix;
    this.tagTtl = tagTtlSeconds(entryTtlMs);
    const lost = () => {
      for (const listener of this.lossListeners) listener();
    };
    redis.on("close", lost);
    redis.on("end", lost);
    redis.on("ready", () => void this.retryPending());
  }

  private get available() {
    return this.redis.status === "ready";
  }

  private key(name: string) {
    return `${this.prefix}${name}`;
  }

  private record(key: string) {
    return `${this.prefix}purged:${key}`;
  }

  /**
   * One MGET for every request that arrives while none has been sent yet: a
   * request joins only a read that starts after it arrived, so it sees every
   * purge that completed before it.
   */
  snapshot(): Promise<Snapshot | null> {
    if (!this.available) return Promise.resolve(null);
    if (!this.current) return this.start();
    return (this.next ??= this.current.then(
      () => this.startQueued(),
      () => this.startQueued(),
    ));
  }

  private startQueued() {
    this.next = null;
    return this.start();
  }

  private start(): Promise<Snapshot | null> {
    const read = (this.redis.eval(SNAPSHOT, 2, this.key("epoch"), this.key("seq"), randomUUID()) as Promise<[string, string]>).then(
      ([epoch, seq]) => ({ epoch, seq: Number(seq) }),
      () => null,
    );
    this.current = read;
    void read.then(() => {
      if (this.current === read) this.current = null;
    });
    return read;
  }

  async validate(keys: readonly string[], since: Snapshot): Promise<Snapshot | null> {
    if (!this.available) return null;
    try {
      const seq = Number(await this.redis.eval(VALIDATE, 2 + keys.length, this.key("epoch"), this.key("seq"), ...keys.map((k) => this.record(k)), since.epoch, since.seq));
      return seq < 0 ? null : { epoch: since.epoch, seq };
    } catch {
      return null;
    }
  }

  async purge(keys: readonly string[]): Promise<void> {
    try {
      if (!this.available) throw new Error("Redis is not connected");
      await this.redis.eval(PURGE, 2 + keys.length, this.key("epoch"), this.key("seq"), ...keys.map((k) => this.record(k)), this.tagTtl, randomUUID());
    } catch (error) {
      // Servers that lost Redis dropped their copies; one that did not (a partition
      // between this server and Redis only) must still hear of this purge.
      for (const key of keys) this.pending.add(key);
      throw error;
    }
  }

  private async retryPending() {
    if (this.retrying || this.pending.size === 0) return;
    this.retrying = true;
    try {
      while (this.pending.size > 0 && this.available) {
        const keys = [...this.pending];
        this.pending.clear();
        try {
          await this.purge(keys);
        } catch {
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    } finally {
      this.retrying = false;
    }
  }

  onLoss(listener: () => void): void {
    this.lossListeners.push(listener);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
