// A 'use cache' handler (next/dist/server/lib/cache-handlers/types.d.ts) on Redis: entries as
// [4-byte header length][JSON header][body], tag times in the hash "uc-tags" (ms since epoch).
const Redis = require("ioredis");
const redis = new Redis(process.env.REDIS_URL);
const tagTimes = async (tags) => (tags.length ? (await redis.hmget("uc-tags", ...tags)).map((v) => Number(v ?? 0)) : []);
module.exports = {
  async get(cacheKey, softTags) {
    const raw = await redis.getBuffer("uc:" + cacheKey);
    if (!raw) return undefined;
    const hl = raw.readUInt32BE(0);
    const meta = JSON.parse(raw.subarray(4, 4 + hl).toString("utf8"));
    if ((await tagTimes([...meta.tags, ...softTags])).some((t) => t > meta.timestamp)) return undefined;
    const body = raw.subarray(4 + hl);
    return { ...meta, value: new ReadableStream({ start(c) { c.enqueue(new Uint8Array(body)); c.close(); } }) };
  },
  async set(cacheKey, pending) {
    const entry = await pending;
    const chunks = [];
    const reader = entry.value.getReader();
    for (;;) { const { done, value } = await reader.read(); if (done) break; chunks.push(value); }
    const meta = Buffer.from(JSON.stringify({ tags: entry.tags, stale: entry.stale, timestamp: entry.timestamp, expire: entry.expire, revalidate: entry.revalidate }));
    const h = Buffer.alloc(4); h.writeUInt32BE(meta.length);
    await redis.set("uc:" + cacheKey, Buffer.concat([h, meta, ...chunks.map((c) => Buffer.from(c))]), "EX", Math.max(1, Math.min(entry.expire, 86400 * 30)));
  },
  async refreshTags() {},
  async getExpiration(tags) { return Math.max(0, ...(await tagTimes(tags))); },
  async updateTags(tags) { const now = Date.now(); if (tags.length) await redis.hset("uc-tags", ...tags.flatMap((t) => [t, String(now)])); },
};
