import type { SqlRunner } from "../sql-runner";

/**
 * Whole-database backup and restore, lossless for every column type.
 *
 * The file is JSON Lines: a header (format, and the migrations the data was made
 * under), then for each table a line naming it and its columns, followed by one
 * line per row. Rows are written exactly as PostgreSQL's row_to_json prints them
 * and read back with json_populate_recordset, so values never pass through
 * JavaScript types: timestamps keep their precision, bigints their digits,
 * floats their shortest exact form, JSON, arrays and enums their text. Tables
 * and rows are ordered deterministically (rows by their JSON text in "C"
 * collation), so backup → wipe → restore → backup gives the same bytes.
 *
 * Generated columns (the tsvector search columns) are left out: PostgreSQL
 * computes them again on insert. `_prisma_migrations` is left out too: restore
 * migrates the target first and refuses data made under other migrations. So is
 * the search word list (REBUILT_TABLES).
 */

export const BACKUP_FORMAT = "claimscope-backup";
export const BACKUP_VERSION = 1;
const BATCH = 2000;

interface Header {
  format: string;
  version: number;
  migrations: string[];
}

interface TableLine {
  table: string;
  columns: string[];
  rows: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function appliedMigrations(sql: SqlRunner): Promise<string[]> {
  const rows = await sql.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/**
 * Tables that triggers fill from other rows and that a backup leaves out: SearchWord (migration
 * search_words) keeps every word ever written, those of text since edited away too, so it is not
 * a function of the other tables and would not round-trip. A restore empties it, and its triggers
 * fill it again as the articles and claims go in.
 */
const REBUILT_TABLES: readonly string[] = ["SearchWord"];

async function listTables(sql: SqlRunner): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name COLLATE "C"`,
  );
  return rows.map((r) => r.name).filter((name) => !REBUILT_TABLES.includes(name));
}

async function storedColumns(sql: SqlRunner, table: string): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.name);
}

interface ForeignKey {
  table: string;
  references: string;
  columns: string[];
}

async function foreignKeys(sql: SqlRunner): Promise<ForeignKey[]> {
  const rows = await sql.query<{ table: string; references: string; columns: string[] | string }>(
    `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS references,
            array(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS columns
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, "$1").replace(/""/g, '"');
  return rows.map((r) => ({
    table: unquote(r.table),
    references: unquote(r.references),
    columns: Array.isArray(r.columns) ? r.columns : String(r.columns).replace(/^\{|\}$/g, "").split(",").filter(Boolean),
  }));
}

async function primaryKey(sql: SqlRunner, table: string): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT a.attname::text AS name FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary
     ORDER BY array_position(i.indkey, a.attnum)`,
    [ident(table)],
  );
  return rows.map((r) => r.name);
}

/** Writes the backup line by line (each line without its trailing newline). */
export async function writeBackup(sql: SqlRunner, write: (line: string) => void | Promise<void>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, migrations: await appliedMigrations(sql) };
  await write(JSON.stringify(header));
  for (const table of await listTables(sql)) {
    const columns = await storedColumns(sql, table);
    const [{ n }] = await sql.query<{ n: number | string }>(`SELECT count(*)::int AS n FROM ${ident(table)}`);
    const rows = Number(n);
    const line: TableLine = { table, columns, rows };
    await write(JSON.stringify(line));
    const select = `SELECT row_to_json(t)::text AS j FROM (SELECT ${columns.map(ident).join(", ")} FROM ${ident(table)}) t
                    ORDER BY row_to_json(t)::text COLLATE "C"`;
    for (let offset = 0; offset < rows; offset += BATCH) {
      const batch = await sql.query<{ j: string }>(`${select} LIMIT ${BATCH} OFFSET ${offset}`);
      for (const row of batch) await write(row.j);
    }
    counts[table] = rows;
  }
  return counts;
}

export async function backupToString(sql: SqlRunner): Promise<string> {
  const lines: string[] = [];
  await writeBackup(sql, (line) => {
    lines.push(line);
  });
  return `${lines.join("\n")}\n`;
}

/** `INSERT INTO "Name"` / `INSERT INTO public.name` in a function's source: the table it inserts into. */
const INSERT_TARGET = /\bINSERT\s+INTO\s+(?:(?:"public"|public)\.)?(?:"((?:[^"]|"")+)"|([a-z_][\w$]*))/gi;
const IDENTIFIER = /[a-z_][\w$]*/gi;

/**
 * Tables that database triggers insert rows into, read from the database's own
 * catalogue: the functions its triggers run (pg_trigger, user triggers on
 * public tables), the public functions those call (by name, transitively), and
 * the tables their source inserts into. Today ClaimOutlet and SpeakerCount,
 * kept from quotes and claims (migration 20261201050505_stored_reader_counts),
 * PublicClaimTotal (migration 20261202212449_public_claim_total), OutletTotal,
 * kept from ClaimOutlet (migration 20261203101102_outlet_total),
 * and SearchWord (which a backup leaves out altogether: REBUILT_TABLES);
 * a table a later migration has a trigger keep is found the same way. Not
 * seen: a table named only in dynamic SQL (EXECUTE).
 *
 * A restore does not insert their rows: the triggers write them as the rows
 * they follow go in, and inserting the backup's too collided on their keys. A
 * backup still lists them, so it round-trips byte for byte.
 */
export async function triggerKeptTables(sql: SqlRunner): Promise<Set<string>> {
  const functions = await sql.query<{ name: string; source: string; triggered: boolean }>(
    `SELECT p.proname::text AS name, coalesce(p.prosrc, '') AS source,
            EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
                     WHERE t.tgfoid = p.oid AND NOT t.tgisinternal AND cn.nspname = 'public') AS triggered
     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public'`,
  );
  const byName = new Map<string, string[]>();
  for (const f of functions) byName.set(f.name.toLowerCase(), [...(byName.get(f.name.toLowerCase()) ?? []), f.source]);
  const seen = new Set<string>();
  const sources = functions.filter((f) => f.triggered).map((f) => f.source);
  const tables = new Set<string>();
  while (sources.length) {
    const source = sources.pop()!;
    if (seen.has(source)) continue;
    seen.add(source);
    for (const m of source.matchAll(INSERT_TARGET)) tables.add(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2].toLowerCase());
    for (const [word] of source.matchAll(IDENTIFIER)) sources.push(...(byName.get(word.toLowerCase()) ?? []));
  }
  return tables;
}

/** Parent tables before the tables that reference them (self-references aside). */
function insertOrder(tables: string[], keys: ForeignKey[]): string[] {
  const ordered: string[] = [];
  const done = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (done.has(table) || path.has(table)) return;
    path.add(table);
    for (const fk of keys) if (fk.table === table && fk.references !== table && tables.includes(fk.references)) visit(fk.references, path);
    path.delete(table);
    done.add(table);
    ordered.push(table);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

export class BackupError extends Error {}

/**
 * Replaces every row of the database with the backup's, in one transaction
 * (all or nothing). The schema must already be migrated to the backup's
 * migrations.
 */
export async function restoreBackup(sql: SqlRunner, lines: AsyncIterable<string> | Iterable<string>): Promise<Record<string, number>> {
  // Read the whole file into table groups first: a malformed file fails before anything is touched.
  const groups = new Map<string, { columns: string[]; rows: string[] }>();
  let header: Header | null = null;
  let current: { table: string; columns: string[]; rows: string[]; expected: number } | null = null;
  for await (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!header) {
      header = JSON.parse(line) as Header;
      if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw new BackupError("This file is not a Claimscope backup (or is from a newer version).");
      continue;
    }
    if (!current || current.rows.length === current.expected) {
      const t = JSON.parse(line) as TableLine;
      if (typeof t.table !== "string" || !Array.isArray(t.columns)) throw new BackupError(`Expected a table line, found: ${line.slice(0, 80)}`);
      current = { table: t.table, columns: t.columns, rows: [], expected: t.rows };
      groups.set(t.table, current);
      continue;
    }
    current.rows.push(line);
  }
  if (!header) throw new BackupError("The backup file is empty.");
  for (const g of groups.values()) if ((g as { expected?: number }).expected !== g.rows.length) throw new BackupError("The backup file is truncated.");

  const migrations = await appliedMigrations(sql);
  if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
    throw new BackupError(`The backup was made under other migrations (${header.migrations.length} in the file, ${migrations.length} applied here). Restore it with the version of the app that made it.`);
  }
  const tables = await listTables(sql);
  for (const table of groups.keys()) if (!tables.includes(table)) throw new BackupError(`The backup has a table this database does not: ${table}`);
  const keys = await foreignKeys(sql);
  const triggerKept = await triggerKeptTables(sql);

  const counts: Record<string, number> = {};
  await sql.transaction(async (tx) => {
    await tx.exec(`TRUNCATE ${[...tables, ...REBUILT_TABLES].map(ident).join(", ")} CASCADE`);
    const deferred: { table: string; columns: string[]; pk: string[]; rows: string[] }[] = [];
    for (const table of insertOrder(tables, keys)) {
      const group = groups.get(table);
      counts[table] = group?.rows.length ?? 0;
      if (!group || group.rows.length === 0 || triggerKept.has(table)) continue;
      // Columns that point at the same table are set after every row exists.
      const selfColumns = keys.filter((k) => k.table === table && k.references === table).flatMap((k) => k.columns);
      const insertColumns = group.columns.filter((c) => !selfColumns.includes(c));
      const cols = insertColumns.map(ident).join(", ");
      for (let i = 0; i < group.rows.length; i += BATCH) {
        const chunk = `[${group.rows.slice(i, i + BATCH).join(",")}]`;
        await tx.query(`INSERT INTO ${ident(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, [chunk]);
      }
      if (selfColumns.length) deferred.push({ table, columns: selfColumns.filter((c) => group.columns.includes(c)), pk: await primaryKey(tx, table), rows: group.rows });
    }
    for (const d of deferred) {
      const set = d.columns.map((c) => `${ident(c)} = s.${ident(c)}`).join(", ");
      const match = d.pk.map((c) => `t.${ident(c)} = s.${ident(c)}`).join(" AND ");
      for (let i = 0; i < d.rows.length; i += BATCH) {
        const chunk = `[${d.rows.slice(i, i + BATCH).join(",")}]`;
        await tx.query(`UPDATE ${ident(d.table)} t SET ${set} FROM json_populate_recordset(NULL::${ident(d.table)}, $1::json) s WHERE ${match}`, [chunk]);
      }
    }
  });
  return counts;
}
