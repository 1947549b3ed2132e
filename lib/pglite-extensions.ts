import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/** The contrib extensions the migrations create; PGlite must load them up front. */
export const pgliteExtensions = { pg_trgm, unaccent };
