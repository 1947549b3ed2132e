const { Pool } = require("pg");
const g = globalThis;
g.__pool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 10, idleTimeoutMillis: 300000 });
module.exports = g.__pool;
