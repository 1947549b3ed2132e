// Prototype: Next 16's 'use cache' with a Redis cache handler shared by all app servers
// (REDIS_URL set when it is built), or Next's own in-memory handler (one server).
module.exports = {
  cacheComponents: true,
  ...(process.env.REDIS_URL ? { cacheHandlers: { default: require.resolve("./redis-handler.js") } } : {}),
  poweredByHeader: false,
  // Its own root: under the repository Turbopack would pick the repository's lockfile and build the app's files.
  turbopack: { root: __dirname },
  serverExternalPackages: ["ioredis", "pg"],
};
