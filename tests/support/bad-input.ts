import { getCases } from "./bad-input-pages";
import { BLANK, BROKEN_TEXT, SQL_VALUES, WRONG_TYPES, binaryFiles, label, xssVectors } from "./bad-values";

/**
 * The bad-input corpus: value lists × targets, built deterministically (the same
 * cases, in the same order, on every run). Each case is either a server action
 * called with one field of an otherwise valid payload replaced, or a GET of a
 * reader page or read-API URL with one parameter replaced.
 *
 * `expect` says what a correct app does:
 * - "refuse": a 4xx, or `ok:false` with a specific message; the database unchanged.
 * - "either": the value is legitimate text (an HTML string is a fine tag name; it
 *   must only never run), so storing it is right too; refusing it is fine if the
 *   message is clear (say, too long for that field).
 */
export type Expectation = "refuse" | "either";

/** Ids and versions the payloads point at, filled in by the spec's setup (and kept current as cases save). */
export interface CorpusContext {
  articleId: string;
  span: { start: number; end: number; exact: string };
  claim: { id: string; version: number };
  tag: { id: string; version: number };
  quoteId: string;
  verdictLabelId: string;
  run: string;
}

export interface ActionCase {
  kind: "action";
  id: string;
  action: string;
  field: string;
  value: string;
  expect: Expectation;
  body: (ctx: CorpusContext) => { arg: unknown } | { raw: Buffer };
  /** Admin-only actions run with the admin's cookie. */
  admin?: boolean;
}

export interface GetCase {
  kind: "get";
  id: string;
  url: string;
  field: string;
  value: string;
  expect: Expectation;
  /** JSON API (refusal = 400/404 with an `error` message) or HTML page (refusal = 4xx or an inline role="alert" message). */
  api: boolean;
  /** Markup that must never come back unescaped. */
  markup?: string;
}

export type BadInputCase = ActionCase | GetCase;

// ---- Targets ----

type Field = { name: string; type: "text" | "line" | "optional-text"; max: number; min?: number; xss: "all" | "few" };

interface ActionTarget {
  action: string;
  admin?: boolean;
  base: (ctx: CorpusContext) => Record<string, unknown>;
  fields: Field[];
  /** Id-like and enum/number fields: wrong types, bad values. */
  others: { name: string; bad: [string, unknown][] }[];
}

const ARTICLE_TEXT =
  "Hardening probe: a stable article\n\n" +
  "The State Department said Pakistan “continued to serve as a safe haven” for regionally focused terrorist groups.\n\n" +
  "Islamabad rejected the report and said it had taken “modest steps” against militants.";

const BAD_ID: [string, unknown][] = [
  ["missing id", "does-not-exist-0000"],
  ["empty id", ""],
  ["oversized id", "x".repeat(65)],
  ["number id", 7],
  ["sql id", `' OR 1=1 --`],
  ["nul id", "a\u0000b"],
];
const BAD_VERSION: [string, unknown][] = [
  ["string version", "1"],
  ["zero version", 0],
  ["negative version", -1],
  ["fraction version", 1.5],
  ["huge version", 1e308],
  ["null version", null],
];

const TARGETS: ActionTarget[] = [
  {
    action: "importArticleAction",
    base: () => ({ outletId: null, newOutletName: "Hardening Probe Outlet", title: "Hardening probe", byline: null, publishedAt: "2020-06-25", url: null, format: "text", content: ARTICLE_TEXT, stripBoilerplate: false }),
    fields: [
      { name: "title", type: "line", max: 300, min: 0, xss: "all" },
      { name: "byline", type: "line", max: 200, min: 0, xss: "few" },
      { name: "content", type: "text", max: 1_000_000, xss: "few" },
    ],
    others: [
      { name: "url", bad: [["javascript url", "javascript:alert(1)"], ["data url", "data:text/html,<script>alert(1)</script>"], ["no scheme", "example.com/x"], ["number url", 5], ["oversized url", `https://example.com/${"a".repeat(2000)}`]] },
      { name: "publishedAt", bad: [["not a date", "yesterday"], ["impossible date", "2020-02-30"], ["future date", "2999-01-01"], ["ancient date", "1066-10-14"], ["number date", 20200625], ["sql date", `2020-01-01' OR '1'='1`]] },
      { name: "format", bad: [["unknown format", "docx"], ["pdf format with text, not a file", "pdf"], ["xss format", "<script>alert(1)</script>"], ["null format", null], ["number format", 1]] },
      { name: "outletId", bad: [["missing outlet", "does-not-exist-0000"], ["oversized outlet", "x".repeat(65)], ["object outlet", { id: 1 }]] },
      { name: "newOutletName", bad: [["nul outlet name", "a\u0000b"], ["surrogate outlet name", "\ud800"], ["two-line outlet name", "a\nb"], ["oversized outlet name", "x".repeat(121)]] },
      { name: "stripBoilerplate", bad: [["string boolean", "yes"], ["number boolean", 1]] },
    ],
  },
  {
    action: "createAnnotationAction",
    base: (ctx) => ({ articleId: ctx.articleId, articleVersion: 1, start: ctx.span.start, end: ctx.span.end, exact: ctx.span.exact, body: "Which groups?", motivation: "questioning", claimId: null }),
    fields: [{ name: "body", type: "text", max: 5000, xss: "all" }],
    others: [
      { name: "articleId", bad: BAD_ID },
      { name: "start", bad: [["negative start", -1], ["string start", "0"], ["fraction start", 0.5], ["huge start", 1e12], ["null start", null]] },
      { name: "end", bad: [["end before start", 0], ["end past text", 10_000_000], ["string end", "9"]] },
      { name: "exact", bad: [["empty exact", ""], ["stale exact", "not in the article"], ["oversized exact", "x".repeat(5001)], ["number exact", 3]] },
      { name: "motivation", bad: [["unknown motivation", "shouting"], ["xss motivation", "<script>alert(1)</script>"], ["null motivation", null]] },
      { name: "claimId", bad: [["missing claim", "does-not-exist-0000"], ["oversized claim", "x".repeat(65)], ["array claim", ["x"]]] },
    ],
  },
  {
    action: "createQuoteAction",
    base: (ctx) => ({ articleId: ctx.articleId, articleVersion: 1, start: ctx.span.start, end: ctx.span.end, exact: ctx.span.exact, speakerId: null, claimId: null }),
    fields: [],
    others: [
      { name: "articleId", bad: BAD_ID },
      { name: "exact", bad: [["empty exact", ""], ["stale exact", "not in the article"], ["xss exact", "<script>alert(1)</script>"], ["nul exact", "\u0000"], ["oversized exact", "x".repeat(5001)]] },
      { name: "start", bad: [["negative start", -5], ["string start", "a"], ["object start", {}]] },
      { name: "speakerId", bad: [["missing speaker", "does-not-exist-0000"], ["number speaker", 1]] },
      { name: "claimId", bad: [["missing claim", "does-not-exist-0000"], ["sql claim", `' OR 1=1 --`]] },
    ],
  },
  {
    action: "updateQuoteAction",
    base: (ctx) => ({ id: ctx.quoteId, version: 1_000_000, start: 0, end: 5, speakerId: null, claimId: null, reviewStatus: "confirmed" }),
    fields: [],
    others: [
      { name: "id", bad: BAD_ID },
      { name: "version", bad: BAD_VERSION },
      { name: "reviewStatus", bad: [["unknown status", "maybe"], ["xss status", "<img src=x onerror=alert(1)>"], ["number status", 2]] },
      { name: "end", bad: [["end before start", 0], ["string end", "5"]] },
      { name: "stale", bad: [["stale version", 1_000_000]] },
    ],
  },
  {
    action: "editClaimAction",
    base: (ctx) => ({ id: ctx.claim.id, version: ctx.claim.version, canonical: `Hardening probe claim ${ctx.run}`, summary: null, speakerId: null, sourceDocumentId: null, rebutsId: null }),
    fields: [
      { name: "canonical", type: "text", max: 1000, min: 5, xss: "all" },
      { name: "summary", type: "optional-text", max: 4000, xss: "few" },
    ],
    others: [
      { name: "id", bad: BAD_ID },
      { name: "version", bad: [...BAD_VERSION, ["stale version", 1_000_000]] },
      { name: "speakerId", bad: [["missing speaker", "does-not-exist-0000"], ["oversized speaker", "x".repeat(65)]] },
      { name: "sourceDocumentId", bad: [["missing source", "does-not-exist-0000"], ["boolean source", false]] },
      { name: "rebutsId", bad: [["missing rebutted claim", "does-not-exist-0000"], ["number rebutted claim", 12]] },
    ],
  },
  {
    action: "createClaimAction",
    base: () => ({ canonical: "Hardening probe new claim", speakerId: null }),
    fields: [{ name: "canonical", type: "text", max: 1000, min: 5, xss: "few" }],
    others: [{ name: "speakerId", bad: [["missing speaker", "does-not-exist-0000"], ["object speaker", { id: "x" }]] }],
  },
  {
    action: "setClaimStatusAction",
    base: (ctx) => ({ id: ctx.claim.id, version: ctx.claim.version, status: "published" }),
    fields: [],
    others: [
      { name: "status", bad: [["unknown status", "deleted"], ["xss status", "<script>alert(1)</script>"], ["null status", null]] },
      { name: "note", bad: [["nul note", "\u0000"], ["surrogate note", "\ud800"], ["oversized note", "x".repeat(1001)], ["number note", 5]] },
      { name: "publish unrated", bad: [["publish without rating", "published"]] },
    ],
  },
  {
    action: "createTagAction",
    base: (ctx) => ({ name: `Probe tag ${ctx.run}`, colour: "#1d4ed8", kind: "topic" }),
    fields: [{ name: "name", type: "line", max: 60, min: 2, xss: "all" }],
    others: [
      { name: "colour", bad: [["named colour", "red"], ["css injection colour", "#fff;background:url(javascript:alert(1))"], ["short colour", "#fff"], ["xss colour", "\"><script>alert(1)</script>"], ["number colour", 0xffffff], ["expression colour", "expression(alert(1))"]] },
      { name: "kind", bad: [["unknown kind", "secret"], ["null kind", null], ["array kind", ["topic"]]] },
    ],
  },
  {
    action: "editTagAction",
    base: (ctx) => ({ id: ctx.tag.id, version: ctx.tag.version, name: `Probe tag renamed ${ctx.run}`, colour: "#0f766e", kind: "entity" }),
    fields: [{ name: "name", type: "line", max: 60, min: 2, xss: "few" }],
    others: [
      { name: "id", bad: BAD_ID },
      { name: "version", bad: [...BAD_VERSION, ["stale version", 1_000_000]] },
      { name: "colour", bad: [["rgb colour", "rgb(0,0,0)"], ["url colour", "url(x)"]] },
    ],
  },
  {
    action: "saveRatingAction",
    base: (ctx) => ({
      claimId: ctx.claim.id,
      version: 1_000_000,
      verdictLabelId: ctx.verdictLabelId,
      verdictExplanation: "The report says exactly this.",
      fidelityRating: 4,
      fidelityExplanation: "Most outlets quote it word for word.",
      framingRating: 3,
      framingExplanation: "Headlines lean on the harshest words.",
    }),
    fields: [{ name: "verdictExplanation", type: "text", max: 4000, min: 10, xss: "few" }],
    others: [
      { name: "fidelityRating", bad: [["zero rating", 0], ["six rating", 6], ["fraction rating", 2.5], ["word rating", "four"], ["null rating", null], ["array rating", [4]]] },
      { name: "framingRating", bad: [["negative rating", -3], ["huge rating", 1e9]] },
      { name: "verdictLabelId", bad: [["missing label", "does-not-exist-0000"], ["empty label", ""]] },
      { name: "claimId", bad: [["missing claim", "does-not-exist-0000"], ["number claim", 1]] },
      { name: "version", bad: [["string version", "1"], ["stale version", 1_000_000]] },
    ],
  },
  {
    action: "reviewQuotesAction",
    base: (ctx) => ({ items: [{ id: ctx.quoteId, version: 1_000_000 }], decision: "confirmed" }),
    fields: [],
    others: [
      { name: "items", bad: [["empty items", []], ["string items", "all"], ["too many items", Array.from({ length: 501 }, (_, i) => ({ id: `q${i}`, version: 1 }))], ["items without versions", [{ id: "x" }]], ["stale items", [{ id: "does-not-exist-0000", version: 1 }]]] },
      { name: "decision", bad: [["unknown decision", "approve"], ["xss decision", "<svg/onload=alert(1)>"]] },
    ],
  },
  {
    action: "createUserAction",
    admin: true,
    base: (ctx) => ({ name: "Probe Editor", email: `probe-${ctx.run}@claimscope.test`, password: "a-long-password-1", role: "editor" }),
    fields: [],
    others: [
      { name: "name", bad: [["empty name", ""], ["blank name", "   "], ["nul name", "a\u0000b"], ["surrogate name", "\ud800x"], ["oversized name", "x".repeat(101)], ["number name", 5]] },
      { name: "email", bad: [["not an email", "editor"], ["xss email", "<script>alert(1)</script>@x.test"], ["sql email", `' OR 1=1 --@x.test`], ["oversized email", `${"a".repeat(250)}@x.test`], ["array email", ["a@b.test"]]] },
      { name: "password", bad: [["short password", "short"], ["oversized password", "p".repeat(129)], ["number password", 1234567890]] },
      { name: "role", bad: [["superuser role", "superuser"], ["array role", ["admin"]]] },
    ],
  },
];

function valueCases(field: Field): { value: unknown; name: string; expect: Expectation }[] {
  const out: { value: unknown; name: string; expect: Expectation }[] = [];
  const optional = field.type === "optional-text" || field.min === 0;
  const xss = field.xss === "all" ? xssVectors() : xssVectors().filter((_, i) => i % 5 === 0);
  for (const v of xss) out.push({ value: v, name: `xss ${label(v)}`, expect: "either" });
  for (const v of field.xss === "all" ? SQL_VALUES : SQL_VALUES.slice(0, 2)) out.push({ value: v, name: `sql ${label(v)}`, expect: "either" });
  for (const v of BROKEN_TEXT) out.push({ value: v, name: `broken ${label(v)}`, expect: "refuse" });
  for (const v of BLANK) out.push({ value: v, name: `blank ${label(v)}`, expect: optional ? "either" : "refuse" });
  for (const [name, v] of WRONG_TYPES) out.push({ value: v, name: `wrong type: ${name}`, expect: "refuse" });
  out.push({ value: null, name: "null", expect: optional ? "either" : "refuse" });
  out.push({ value: "x".repeat(field.max + 1), name: `oversized (${field.max + 1} chars)`, expect: "refuse" });
  if (field.type === "line") out.push({ value: "two\nlines", name: "two lines", expect: "refuse" });
  return out;
}

/** What the stored values look like after one of the fields got `value` (unique where the app wants uniqueness). */
function withValue(base: Record<string, unknown>, field: string, value: unknown, n: number) {
  // Tag names must be unique: give each accepted value its own tag, keeping the payload's character.
  return { ...base, [field]: typeof value === "string" && field === "name" && value.trim().length >= 2 ? `${value} ${n}` : value };
}

function actionCases(): ActionCase[] {
  const cases: ActionCase[] = [];
  for (const target of TARGETS) {
    let n = 0;
    for (const field of target.fields) {
      for (const v of valueCases(field)) {
        const k = n++;
        cases.push({
          kind: "action",
          id: `${target.action}.${field.name}#${k}`,
          action: target.action,
          admin: target.admin,
          field: field.name,
          value: v.name,
          expect: v.expect,
          body: (ctx) => ({ arg: withValue(target.base(ctx), field.name, v.value, k) }),
        });
      }
    }
    for (const other of target.others) {
      for (const [name, value] of other.bad) {
        const k = n++;
        const fieldName = ["stale", "publish unrated"].includes(other.name) ? (other.name === "stale" ? "version" : "status") : other.name;
        cases.push({
          kind: "action",
          id: `${target.action}.${other.name}#${k}`,
          action: target.action,
          admin: target.admin,
          field: fieldName,
          value: name,
          expect: "refuse",
          body: (ctx) => ({ arg: { ...target.base(ctx), [fieldName]: value } }),
        });
      }
    }
  }

  // The payload itself of the wrong shape: the action's one argument.
  for (const [name, arg] of [["null argument", null], ["string argument", "x"], ["array argument", [1, 2]], ["number argument", 1], ["empty object", {}]] as [string, unknown][]) {
    for (const action of ["importArticleAction", "editClaimAction", "createTagAction", "createAnnotationAction"]) {
      cases.push({ kind: "action", id: `${action}.argument.${name}`, action, field: "(argument)", value: name, expect: "refuse", body: () => ({ arg }) });
    }
  }

  // A 10 MB article, and a little over the 1,000,000-character limit in a 3-byte script (under the body limit).
  const base = TARGETS[0].base;
  cases.push({
    kind: "action",
    id: "importArticleAction.content.10MB",
    action: "importArticleAction",
    field: "content",
    value: "a 10 MB article",
    expect: "refuse",
    body: (ctx) => ({ arg: { ...base(ctx), content: "The minister said “militants operate freely here,” and left. ".repeat(170_000) } }),
  });
  cases.push({
    kind: "action",
    id: "importArticleAction.content.cjk-over-limit",
    action: "importArticleAction",
    field: "content",
    value: "1,000,001 CJK characters (3 MB)",
    expect: "refuse",
    body: (ctx) => ({ arg: { ...base(ctx), content: "報".repeat(1_000_001) } }),
  });

  // Binary files to import: as the file picker's text would carry them, and as raw bytes in the request.
  for (const file of binaryFiles()) {
    cases.push({
      kind: "action",
      id: `importArticleAction.content.binary.${file.name}`,
      action: "importArticleAction",
      field: "content",
      value: `binary file ${file.name}`,
      expect: "refuse",
      body: (ctx) => ({ arg: { ...base(ctx), title: `Binary ${file.name}`, content: file.bytes.toString("utf8") } }),
    });
    cases.push({
      kind: "action",
      id: `importArticleAction.content.binary-raw.${file.name}`,
      action: "importArticleAction",
      field: "content",
      value: `raw bytes of ${file.name} in the body`,
      expect: "refuse",
      body: (ctx) => {
        const json = JSON.stringify([{ ...base(ctx), title: `Raw ${file.name}`, content: "@@BYTES@@" }]);
        const [before, after] = json.split("@@BYTES@@");
        // Raw bytes inside the JSON string (a NUL byte is a control character in JSON: invalid either way).
        return { raw: Buffer.concat([Buffer.from(before), file.bytes, Buffer.from(after)]) };
      },
    });
  }
  // Invalid UTF-8 sequences in the body of an otherwise valid tag: decoded as U+FFFD, which is legitimate text.
  for (const [name, bytes] of [["C3 28", [0xc3, 0x28]], ["ED A0 80 (encoded surrogate)", [0xed, 0xa0, 0x80]], ["FF FE", [0xff, 0xfe]], ["truncated E2 82", [0xe2, 0x82]]] as [string, number[]][]) {
    cases.push({
      kind: "action",
      id: `createTagAction.name.raw-utf8.${name}`,
      action: "createTagAction",
      field: "name",
      value: `invalid UTF-8 ${name}`,
      expect: "either",
      body: (ctx) => {
        const json = JSON.stringify([{ name: `Bytes @@ ${name} ${ctx.run}`, colour: "#1d4ed8", kind: "topic" }]);
        const [before, after] = json.split("@@");
        return { raw: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]) };
      },
    });
  }
  return cases;
}


export function buildCorpus(): BadInputCase[] {
  return [...actionCases(), ...getCases()];
}
