// The bad-input corpus's value lists (see bad-input.ts): script and SQL strings, broken and
// blank text, wrong JSON types and binary files, and how a value is named in a case's id.

import { readFileSync } from "node:fs";
import path from "node:path";

// ---- Value lists ----

/**
 * Classic filter-evasion vectors (after the OWASP XSS Filter Evasion Cheat
 * Sheet), with `js` as the script to run. Stored text is rendered as text, so
 * none of these may ever execute.
 */
export function xssVectors(js = "alert(1)"): string[] {
  const entities = [...`javascript:${js}`].map((c) => `&#${c.charCodeAt(0)};`).join("");
  return [
    `<script>${js}</script>`,
    `<img src=x onerror=${js}>`,
    `<svg/onload=${js}>`,
    `javascript:${js}`,
    `"><script>${js}</script>`,
    `'><img src=x onerror=${js}>`,
    `<iframe src="javascript:${js}"></iframe>`,
    `<body onload=${js}>`,
    `<a href="jav&#x09;ascript:${js}">click</a>`,
    `<IMG SRC=JaVaScRiPt:${js}>`,
    `<<SCRIPT>${js};//<</SCRIPT>`,
    `<math><mtext><table><mglyph><style><img src=x onerror=${js}>`,
    `<div style="width: expression(${js})">x</div>`,
    `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>`,
    `<IMG SRC="jav&#x0A;ascript:${js}">`,
    `<IMG SRC=${entities}>`,
    `<SCRIPT SRC=//xss.invalid/x.js></SCRIPT>`,
    `<input autofocus onfocus=${js}>`,
    `<details open ontoggle=${js}>`,
    `<object data="javascript:${js}"></object>`,
    `<svg><animate onbegin=${js} attributeName=x dur=1s>`,
    `<scr<script>ipt>${js}</scr</script>ipt>`,
    `</textarea><script>${js}</script>`,
    `<style>@import 'javascript:${js}';</style>`,
    `<img """><script>${js}</script>">`,
    `'';!--"<XSS>=&{()}`,
  ];
}

export const SQL_VALUES = [`' OR 1=1 --`, `"; DROP TABLE "Claim"; --`, "%", "_", "\\", `'); DELETE FROM "Tag" WHERE ('1'='1`, `1' UNION SELECT password FROM account --`];

/** Never acceptable as stored text: control characters and lone surrogates. */
export const BROKEN_TEXT = ["\u0000", "ab\u0000cd", "bell\u0007", "\u001b[31mred", "del\u007f", "\ud800", "ab\udfffcd", "\udc00\ud800"];

export const BLANK = ["", "   ", "\t\n\r ", "\u00a0\u2003"];

export const WRONG_TYPES: [string, unknown][] = [
  ["number", 42],
  ["boolean", true],
  ["array", ["a"]],
  ["object", { $ne: null }],
  ["empty array", []],
];

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "bad-input");

/** Binary files as a browser's FileReader.readAsText would hand them over (lossy UTF-8), and as raw bytes. */
export function binaryFiles(): { name: string; bytes: Buffer }[] {
  return ["pixel.png", "text.gz", "header.pdf", "random.bin"].map((name) => ({ name, bytes: readFileSync(path.join(FIXTURES, name)) }));
}

export const label = (v: unknown) => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  const shown = s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s;
  return JSON.stringify(shown).slice(1, -1);
};
