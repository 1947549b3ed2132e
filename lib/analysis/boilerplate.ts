// Removes page furniture from article text as received (navigation, site
// headers, mastheads, promo blocks, tag lists, reader comments, footers) and
// keeps the headline as the first line and the body as received. Only whole
// lines are removed, so every character kept is untouched and offsets into
// the result are stable.
//
// Duplicate lines are kept when adjacent (outlets repeat captions and
// headlines that way and the cleaned texts keep them); a caption repeated
// further down the page is dropped.

const NAV_PHRASES = new Set(
  [
    "accessibility links", "skip to content", "skip to main content", "skip to navigation", "breaking news", "menu",
    "main menu", "toggle navigation", "navigation", "search", "home", "subscribe", "sign in", "sign up", "log in",
    "login", "register", "advertisement", "advertisements", "sponsored", "sponsored content", "share", "share this",
    "share this article", "share on facebook", "share on twitter", "tweet", "print", "email", "e-mail", "close",
    "latest news", "latest", "trending", "trending now", "live", "watch", "listen", "newsletter", "sections",
    "top stories", "follow us", "more", "back to top", "next article", "previous article", "read more", "related",
    "related articles", "related stories", "related posts", "you may also like", "most read", "most popular",
    "recommended", "comments", "leave a comment", "leave a reply", "post a comment", "join the discussion",
    "reply", "cancel reply", "print this page", "font size", "listen to this article", "view comments",
    "image", "16x9 image", "photo", "video", "gallery", "show more", "load more", "continue reading",
  ].map((s) => s.toLowerCase()),
);

const URL_RE = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]/i;
const WEEKDAY_DATE_RE = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/i;
const MASTHEAD_RE = /\b(?:editor[- ]in[- ]chief|all rights reserved|copyright|©)\b|©/i;
const TAGS_RE = /^\s*(?:tags?|topics?|filed under|categories|category|keywords)\s*:/i;
const COMMENT_HEAD_RE = /^\s*(?:[•·▪◦●*-]\s*)?[^.!?]{1,60}\s(?:says|said|wrote|writes|commented):\s*$/i;
const COMMENT_COUNT_RE = /^\s*\d+\s+(?:comments?|responses?|replies)\s*$/i;
const BULLET_RE = /^\s*[•·▪◦●]\s*/;
const CAPTION_RE = /^\s*(?:file|photo|image|picture|pictured|caption)\s*:|\((?:ap|afp|reuters|getty)[^)]*photo|\bphoto:\s|\/\s*(?:reuters|ap|afp|getty images)\b/i;
const CREDIT_RE = /^\s*\(.*\)\s*$|^\s*[—–-]\s*\p{Lu}/u;

interface Line {
  text: string;
  blank: boolean;
}

function wordsOf(s: string): number {
  const m = s.trim().match(/\S+/g);
  return m ? m.length : 0;
}

function endsLikeSentence(s: string): boolean {
  return /[.!?…:"”’)\]]\s*$/.test(s);
}

function isNav(s: string): boolean {
  const t = s.trim().replace(/^[•·▪◦●|»>\-–—\s]+|(?<![\s|:»>])[\s|:»>]+$/g, "").toLowerCase();
  return NAV_PHRASES.has(t);
}

/** Lines above the headline that belong to the page, not the article. */
function isTopFurniture(s: string): boolean {
  if (isNav(s)) return true;
  if (URL_RE.test(s) && wordsOf(s) <= 8) return true;
  if (WEEKDAY_DATE_RE.test(s) || MASTHEAD_RE.test(s)) return true;
  return wordsOf(s) <= 2 && !endsLikeSentence(s);
}

/** Lines at the end of the page: footers, promos, tag lists, comments. */
function isBottomFurniture(s: string): boolean {
  if (CREDIT_RE.test(s)) return false; // "(Pajhwok)", "— Reuters": wire credits belong to the story
  if (isNav(s) || TAGS_RE.test(s) || COMMENT_HEAD_RE.test(s) || COMMENT_COUNT_RE.test(s)) return true;
  if (BULLET_RE.test(s) || /^(?:\t| {2,})\S/.test(s)) return true; // list items and indented blocks after the story
  if (URL_RE.test(s) && wordsOf(s) <= 8) return true;
  if (MASTHEAD_RE.test(s)) return true;
  return wordsOf(s) <= 4 && !endsLikeSentence(s);
}

// A cookie or consent notice: "We use cookies … If you click 'OK' …".
const CONSENT_RE = /\bcookies?\b.+\b(?:accept|consent|agree|policy|settings|preferences|ok)\b/i;

/**
 * The first paragraph of the page furniture that ends a text analysed as
 * received (related-story links, a cookie notice, footers): quotation marks
 * there are not the article's. `paragraphs.length` when the text ends with the
 * article. The headline and the first body paragraph are never furniture.
 * Same rules as stripBoilerplate's bottom, plus consent notices.
 */
export function trailingFurniture(text: string, paragraphs: { start: number; end: number }[]): number {
  let from = paragraphs.length;
  while (from > 2) {
    const p = paragraphs[from - 1];
    const line = text.slice(text.lastIndexOf("\n", p.start - 1) + 1, p.end);
    // A line with no space is one word only in scripts that use spaces (CJK sentences are not).
    if (!CONSENT_RE.test(line) && (!isBottomFurniture(line) || (!/\s/.test(line.trim()) && !isNav(line)))) break;
    from--;
  }
  return from;
}

/** A line after which nothing is article text: tag lists and the start of reader comments. */
function isEndMarker(s: string): boolean {
  return TAGS_RE.test(s) || COMMENT_HEAD_RE.test(s) || COMMENT_COUNT_RE.test(s) ||
    /^\s*(?:leave a (?:reply|comment)|post a comment|join the discussion|\d+\s+comments?)\s*$/i.test(s);
}

export function stripBoilerplate(raw: string): string {
  return findBoilerplate(raw).text;
}

export interface BoilerplateResult {
  /** The text with furniture lines removed. */
  text: string;
  /** The non-blank lines removed, in order, with their 0-based line numbers in `raw`. */
  removed: { line: number; text: string }[];
}

/** stripBoilerplate, saying which lines it removed (for showing an editor before saving). */
export function findBoilerplate(raw: string): BoilerplateResult {
  const lines: Line[] = raw.split(/\r?\n/).map((text) => ({ text, blank: text.trim() === "" }));
  const keep = lines.map(() => true);

  // Top: skip furniture until the headline.
  let top = 0;
  while (top < lines.length && (lines[top].blank || isTopFurniture(lines[top].text))) keep[top++] = false;
  if (top >= lines.length) return { text: raw.trim(), removed: [] };

  // Bottom: cut at the first end marker past the headline and first paragraphs…
  let bottom = lines.length;
  let bodyLines = 0;
  for (let i = top + 1; i < lines.length; i++) {
    if (lines[i].blank) continue;
    if (bodyLines >= 2 && isEndMarker(lines[i].text)) {
      bottom = i;
      break;
    }
    bodyLines++;
  }
  // …then drop the run of furniture lines that ends the page.
  while (bottom > top + 1 && (lines[bottom - 1].blank || isBottomFurniture(lines[bottom - 1].text))) bottom--;
  for (let i = bottom; i < lines.length; i++) keep[i] = false;

  // Middle: stand-alone navigation/promo lines and captions repeated further down.
  const seenCaptions = new Map<string, number>();
  for (let i = top + 1; i < bottom; i++) {
    const t = lines[i].text;
    if (lines[i].blank) continue;
    if (isNav(t)) {
      keep[i] = false;
      if (i + 1 < bottom && lines[i + 1].blank) keep[i + 1] = false;
      continue;
    }
    if (CAPTION_RE.test(t)) {
      const key = t.trim();
      const prev = seenCaptions.get(key);
      if (prev !== undefined && !isAdjacentCopy(lines, prev, i)) {
        keep[i] = false;
        if (i + 1 < bottom && lines[i + 1].blank) keep[i + 1] = false;
      }
      seenCaptions.set(key, i);
    }
  }

  const out: string[] = [];
  const removed: BoilerplateResult["removed"] = [];
  for (let i = 0; i < lines.length; i++) {
    if (keep[i]) out.push(lines[i].text);
    else if (!lines[i].blank) removed.push({ line: i, text: lines[i].text });
  }
  while (out.length && out[out.length - 1].trim() === "") out.pop();
  return { text: out.join("\n"), removed };
}

/** True when only blank lines separate the two copies. */
function isAdjacentCopy(lines: Line[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (!lines[i].blank) return false;
  return true;
}
