import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

// How an import's transactions are sized and whose they are: shared by the writer
// (lib/ingest-write.ts) and the clean-up of imports that did not complete (lib/abandoned-imports.ts).

/** Rows (articles, speakers, claims, quotes) in one transaction at most: on PGlite, a few hundred ms of writing. */
export const WRITE_CHUNK_ROWS = 600;

/**
 * Rows in each part of an article too big for one transaction. Smaller than
 * WRITE_CHUNK_ROWS because readers wait for the part under way: parts of 600
 * quotes took about 2 s each on the embedded database on two cores, and a
 * reader's search, whose queries each waited for one, took up to 3.4 s while
 * the 806 KB page imported (tests/http/import-budget.test.ts, 2026-12-02).
 */
export const SPLIT_PART_ROWS = 200;

/** Waits for a transaction's turn (other writers) and lets it run long on a busy machine. */
export const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 };

/** This process, as PendingImport.holder names it. */
export const importHolder = `${hostname().slice(0, 30)}:${process.pid}:${randomBytes(4).toString("hex")}`;
