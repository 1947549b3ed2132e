import path from "node:path";

/**
 * The project's own tsx, for tests that run a script as a separate process.
 * Run directly rather than through `npx tsx`: npx starts npm first, about half a
 * second of CPU for every process a test spawns (measured here on CI's two cores).
 * Resolved from the working directory, which is the repository root in every runner.
 */
export const TSX = path.resolve("node_modules/.bin/tsx");
