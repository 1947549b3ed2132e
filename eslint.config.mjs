import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import regexp from "eslint-plugin-regexp";

/**
 * The boundaries of the layout, kept by lint (tests/unit/lint-boundaries.test.ts
 * shows each rule failing on a file that breaks it):
 * 1. lib/analysis and lib/anchoring are pure: they import each other and a short
 *    list of pure packages, nothing else (no database, DOM, file system, network,
 *    Next, React, or the rest of lib/), and use no dynamic import or require.
 * 2. components/ never imports from app/ (routes pass actions and data in as props).
 * 3. lib/ never imports app/ or prisma/ (the seed is passed to lib/startup.ts), nor
 *    lib/action.ts, the server-action wrapper (its error classes are in lib/errors.ts,
 *    free of request code).
 * 4. Only lib/ touches the database: app/, components/ and the root entry points
 *    import neither the Prisma client (generated/, @prisma/*, pg, PGlite) nor
 *    lib/db.ts. prisma/ (the seed), scripts/ and tests/ may: the seed inserts
 *    through the client it is given, scripts such as backup work below the
 *    domain, and tests check what was really stored.
 */
const PURE = ["./lib/analysis", "./lib/anchoring"];
const PURE_FILES = ["lib/analysis/**/*.ts", "lib/anchoring/**/*.ts"];
const PURE_PACKAGES = ["diff", "approx-string-match", "wink-nlp", "wink-eng-lite-web-model", "compromise", "stemmer"];
const DATABASE_CLIENT = [
  { regex: "^@/generated/", message: "Only lib/ touches the database: call a lib/<noun>.ts function." },
  { regex: "^@prisma/|^pg$|^@electric-sql/pglite|^pglite-prisma-adapter$", message: "Only lib/ touches the database: call a lib/<noun>.ts function." },
  { regex: "^@/lib/db$", message: "Only lib/ touches the database: call a lib/<noun>.ts function." },
];
const FROM_ACTION_WRAPPER = "Domain code never imports lib/action.ts, the server-action wrapper (it pulls in auth and next/headers): throw the error classes of lib/errors.ts.";
const FROM_APP = { regex: "^@/app/", message: "Only routes live in app/: import shared code from lib/ or components/, and pass actions in as props." };

const boundaries = [
  {
    files: PURE_FILES,
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(?!\\.|@/lib/(?:analysis|anchoring)/|(?:${PURE_PACKAGES.join("|")})(?:/|$))`,
              message: `lib/analysis and lib/anchoring are pure: they may import each other and ${PURE_PACKAGES.join(", ")} only.`,
            },
          ],
        },
      ],
      "import/no-restricted-paths": [
        "error",
        {
          zones: PURE.map((target) => ({
            target,
            from: "./",
            except: ["./lib/analysis", "./lib/anchoring", "./node_modules"],
            message: "lib/analysis and lib/anchoring are pure: they may import each other only (no database, DOM, file system or network).",
          })),
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression", message: "Pure modules load nothing at run time." },
        { selector: "CallExpression[callee.name='require']", message: "Pure modules load nothing at run time." },
      ],
    },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [FROM_APP, ...DATABASE_CLIENT] }],
      "import/no-restricted-paths": ["error", { zones: [{ target: "./components", from: "./app", message: FROM_APP.message }] }],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["**/*.test.ts", ...PURE_FILES],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^@/(?:app|prisma)/", message: "lib/ never imports app/ or prisma/ (the seed is passed to lib/startup.ts by its callers)." },
            { regex: "^@/lib/action$", message: FROM_ACTION_WRAPPER },
          ],
        },
      ],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: ["./app", "./prisma"], message: "lib/ never imports app/ or prisma/ (the seed is passed to lib/startup.ts by its callers)." },
            { target: "./lib", from: "./lib/action.ts", message: FROM_ACTION_WRAPPER },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          // select: { _count: { select: { quotes: … } } }
          selector: "Property[key.name='_count'] > ObjectExpression > Property[key.name='select'] > ObjectExpression > Property[key.name='quotes']",
          message:
            "A relation _count over quotes counts every quote in the table, grouped, and joins the rows to that (prisma/orm#23669; 50–190 ms a query at 1M quotes): count the rows in hand with lib/quote-counts.ts.",
        },
      ],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx", "*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: DATABASE_CLIENT }],
      "import/no-restricted-paths": [
        "error",
        { zones: [{ target: ["./app", "./proxy.ts", "./instrumentation.ts", "./instrumentation-node.ts", "./server.ts"], from: ["./generated", "./lib/db.ts"], message: DATABASE_CLIENT[0].message }] },
      ],
    },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  // Regular expressions read untrusted text (imported articles, request headers, form
  // input): a pattern that backtracks super-linearly blocks the server. The recommended
  // set, plus no-super-linear-move (off there by default), as errors.
  regexp.configs["flat/recommended"],
  {
    rules: {
      "regexp/no-super-linear-backtracking": ["error", { report: "potential" }],
      "regexp/no-super-linear-move": ["error", { report: "potential", ignoreSticky: false, ignorePartial: false }],
    },
  },
  ...boundaries,
  {
    ignores: ["generated/**", ".next*/**", ".data/**", "node_modules/**", "scripts/bench/use-cache-prototype/**", ".bench-data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
