import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

// How an import's transactions are sized and whose they are: shared by the writer
// (lib/ingest-write.ts) and the clean-up of imports that did not complete (lib/abandoned-imports.ts).

/** Rows (articles, speakers, claims, quotes) in one transaction at most: on PGlite, a few hundred ms of writing. */
export const WRITE_CHUNK_ROWS = 600;

/** Waits for a transaction's turn (other writers) and lets it run long on a busy machine. */
export const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 };

/** This process, as PendingImport.holder names it. */
export const importHolder = `${hostname().slice(0, 30)}:${process.pid}:${randomBytes(4).toString("hex")}`;
