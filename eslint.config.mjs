import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import regexp from "eslint-plugin-regexp";

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
  {
    ignores: ["generated/**", ".next*/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
