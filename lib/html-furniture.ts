/**
 * Removes what is on a news page but not in the article, before the reader-view
 * extractor (Readability) chooses the article: reader comments, pull quotes
 * that repeat the body, related-links and most-read blocks, cookie and consent
 * notices, ads (AMP ad fallbacks included), menus, forms and page headers and
 * footers — and keeps what Readability would wrongly drop: a paragraph that is
 * wholly one link (mozilla/readability#878).
 *
 * Rules are about the kind of thing (its element, its class or id words, its
 * heading, its shape), never about one site. Works on any DOM `Document`.
 */

/** Elements that are never article text. */
const NEVER_TEXT = [
  "script", "style", "noscript", "template", "iframe", "object", "embed", "canvas", "svg", "form", "button", "input",
  "select", "textarea", "dialog", "nav", "menu",
  // AMP furniture: ads and their fallbacks, sidebars (menus, most-read lists), consent prompts, share buttons.
  "amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads", "amp-sidebar", "amp-consent", "amp-user-notification",
  "amp-social-share", "amp-analytics", "amp-geo", "amp-pixel", "[fallback]", "[placeholder]",
  '[role="dialog"]', '[role="alertdialog"]', '[role="navigation"]', '[role="complementary"]', '[aria-hidden="true"]', "[hidden]",
  '[itemtype*="schema.org/Comment"]', '[itemprop="comment"]',
].join(",");

// Class and id words. A word is a whole token or a hyphen/underscore-separated part of one.
const COMMENTS = /^(?:comments?|comment-?(?:list|section|thread|area)|reactions?|repl(?:y|ies)|respond|responses|discussion|disqus|talkback|guestbook|user-?comments|reader-?comments)$/i;
const RELATED = /^(?:related|related-?(?:links|articles|stories|content|posts)|more-?(?:stories|news|articles|on)|read-?(?:more|next)|also-?read|further-?reading|recommend(?:ed|ations)?|most-?(?:read|popular|viewed|shared)|trending|popular|outbrain|taboola|newsletter-?(?:signup|promo)?|promo|share|sharing|social|share-?(?:bar|tools|buttons))$/i;
const NOTICES = /^(?:cookies?|cookie-?(?:banner|notice|consent|bar)|consent|gdpr|cmp|onetrust|didomi|subscribe-?(?:box|banner|promo|prompt)|signup)$/i;
const ADS = /^(?:ad|ads|advert|adverts|advertisement|advertising|ad-?(?:slot|unit|container|wrapper|banner)|dfp|gpt-?ad|sponsored|sponsor)$/i;
const PAGE_CHROME = /^(?:site-?header|site-?footer|page-?header|page-?footer|masthead|header|footer|breadcrumbs?|sidebar|toolbar|skip-?link)$/i;

/**
 * "Comments", "3 comments", "Reader reactions (2)", "Leave a reply" — but not a
 * bare "Reactions" or "Responses", which news stories use as subheadings.
 */
export const COMMENT_HEADING = new RegExp(
  [
    String.raw`^(?:\d+\s+)?(?:(?:reader|readers'?|user|your|top|latest)\s+)?(?:comments?|replies|discussion)\b[\s\d()[\]:.-]*$`,
    String.raw`^(?:\d+\s+|(?:reader|readers'?|user)\s+)(?:reactions?|responses?)\b[\s\d()[\]:.-]*$`,
    String.raw`^(?:reactions?|responses?)\s*\(\d+\)\s*$`,
    String.raw`^(?:have your say|join the (?:conversation|discussion)|leave a (?:comment|reply)|post a comment|what (?:our )?readers (?:say|think))\b`,
  ].join("|"),
  "i",
);
const FURNITURE_HEADING =
  /^\s*(?:related|related (?:articles|stories|links|content|coverage)|read more|read next|more (?:on this(?: story)?|from|stories|news)|most (?:read|popular|viewed|shared)|you may also like|recommended|trending(?: now)?|further reading|see also|also read|popular(?: now)?)[\s:]*$/i;
const AD_TEXT = /^\s*(?:advertisement|advertising|sponsored(?: content)?|ad)(?:\s*(?:[-–—:]\s*)?(?:scroll|continue)[^.]{0,40})?\s*$/i;

function classWords(el: Element): string[] {
  const raw = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
  const words: string[] = [];
  for (const token of raw.split(/\s+/)) {
    if (!token) continue;
    words.push(token);
    // BEM and framework names: "Article__comments", "c-related-links", "js-cookie-banner".
    for (const part of token.split(/__|--|(?<=[a-z])(?=[A-Z])/)) if (part !== token) words.push(part);
    const pieces = token.split(/[-_]/);
    for (let i = 0; i < pieces.length; i++) {
      for (let j = i + 1; j <= Math.min(pieces.length, i + 3); j++) words.push(pieces.slice(i, j).join("-"));
    }
  }
  return words;
}

const hasWord = (el: Element, re: RegExp) => classWords(el).some((w) => re.test(w));
const textOf = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();
const isHeading = (el: Element) =>
  /^H[2-6]$/.test(el.tagName) || (/^(?:P|DIV|SPAN)$/.test(el.tagName) && el.children.length === 1 && /^(?:B|STRONG)$/.test(el.children[0].tagName) && textOf(el) === textOf(el.children[0]));

function remove(el: Element) {
  el.parentNode?.removeChild(el);
}

/** Inside the article proper (an <article> or <main>), page chrome words mean something else. */
const insideArticle = (el: Element) => Boolean(el.parentElement?.closest("article, main, [itemprop='articleBody']"));

function removeMatching(doc: Document, test: (el: Element) => boolean) {
  for (const el of [...doc.body.querySelectorAll("*")]) {
    if (el.isConnected && test(el)) remove(el);
  }
}

/** Text normalised for finding repeats: letters and digits only, lower case. */
const repeatKey = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * Cleans `doc` in place. Call before Readability; JSON-LD and other metadata
 * must be read first (scripts are removed here).
 */
export function removePageFurniture(doc: Document): void {
  if (!doc.body) return;
  removeConsentPrompts(doc);
  for (const el of [...doc.querySelectorAll(NEVER_TEXT)]) if (el.isConnected) remove(el);

  // A comments heading, and the run of containers after it (the comments); a
  // bare paragraph or heading after them is the page again.
  for (const el of [...doc.body.querySelectorAll("h2,h3,h4,h5,h6,p,div,span")]) {
    if (!el.isConnected || !isHeading(el) || !COMMENT_HEADING.test(textOf(el))) continue;
    let next = el.nextElementSibling;
    while (next && /^(?:DIV|SECTION|ARTICLE|ASIDE|UL|OL|DL|TABLE)$/.test(next.tagName)) {
      const after = next.nextElementSibling;
      remove(next);
      next = after;
    }
    remove(el);
  }
  // Furniture headings ("Related", "Most read") go with the block they introduce.
  for (const el of [...doc.body.querySelectorAll("h2,h3,h4,h5,h6,p,div,span")]) {
    if (!el.isConnected || !isHeading(el) || !FURNITURE_HEADING.test(textOf(el))) continue;
    const next = el.nextElementSibling;
    if (next && /^(?:UL|OL|DIV|SECTION)$/.test(next.tagName) && linkShare(next) > 0.5) remove(next);
    remove(el);
  }

  const pageText = textOf(doc.body).length;
  // Never the element that holds the article: one with the headline or most of the page's text.
  const holdsArticle = (el: Element) => containsArticleHeadline(el) || textOf(el).length > pageText * 0.6;
  removeMatching(doc, (el) => {
    if (el === doc.body || el.tagName === "ARTICLE" || el.tagName === "MAIN" || holdsArticle(el)) return false;
    if (hasWord(el, COMMENTS) || hasWord(el, NOTICES) || hasWord(el, ADS)) return true;
    if (hasWord(el, RELATED)) return linkShare(el) > 0.3;
    return (/^(?:HEADER|FOOTER|ASIDE)$/.test(el.tagName) || hasWord(el, PAGE_CHROME)) && !insideArticle(el);
  });

  // Lists of links only (menus, related and most-read lists).
  for (const list of [...doc.body.querySelectorAll("ul,ol")]) {
    if (!list.isConnected) continue;
    const items = [...list.children].filter((c) => c.tagName === "LI");
    if (items.length >= 2 && items.every((li) => textOf(li).length < 160 && linkShare(li) > 0.9)) remove(list);
  }
  // "Read more: <a>Another story</a>" lines.
  for (const p of [...doc.body.querySelectorAll("p,div")]) {
    if (p.isConnected && p.children.length <= 3 && READ_MORE.test(textOf(p)) && linkShare(p) > 0.5) remove(p);
  }
  // Blocks that only say "Advertisement".
  for (const el of [...doc.body.querySelectorAll("div,p,span,aside,section,figure")]) {
    if (el.isConnected && AD_TEXT.test(textOf(el))) remove(el);
  }

  keepLinkedParagraphs(doc);
  removeRepeatedPullQuotes(doc);
}

const READ_MORE = /^(?:read more|read also|also read|see also|related|more|more on this|watch|listen|read next|recommended)\s*[:|»>–—-]/i;
const CONSENT_BUTTON = /^(?:accept|accept all|accept all cookies|accept cookies|agree|i agree|agree and close|ok|okay|got it|allow|allow all|allow cookies|reject|reject all|decline|manage (?:cookies|preferences|settings)|cookie settings)$/i;
const CONSENT_TEXT = /\bcookies?\b|\bconsent\b|\bprivacy (?:policy|settings)\b/i;

/**
 * A cookie or consent prompt whatever its markup: the smallest block around an
 * "Accept" / "Reject" / "Manage cookies" control that talks about cookies or
 * consent. (Runs before buttons are removed.)
 */
function removeConsentPrompts(doc: Document) {
  for (const control of [...doc.body.querySelectorAll("button, a, [role='button'], input[type='button'], input[type='submit']")]) {
    if (!control.isConnected) continue;
    const label = textOf(control) || control.getAttribute("value") || "";
    if (!CONSENT_BUTTON.test(label.trim())) continue;
    let box: Element | null = control.parentElement;
    while (box && box !== doc.body && !CONSENT_TEXT.test(textOf(box))) box = box.parentElement;
    if (box && box !== doc.body && textOf(box).length < 1500 && !containsArticleHeadline(box)) remove(box);
  }
}

/** Share of an element's text that is link text (0..1). */
function linkShare(el: Element): number {
  const all = textOf(el).length;
  if (all === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll("a")) linked += textOf(a).length;
  return Math.min(1, linked / all);
}

function containsArticleHeadline(el: Element): boolean {
  return el.tagName === "H1" || el.querySelector("h1") !== null;
}

/**
 * A paragraph that is wholly one link is still the article's words when the
 * link text reads as prose (a sentence, not a headline): the link is unwrapped
 * so that link-density rules keep it.
 */
function keepLinkedParagraphs(doc: Document) {
  for (const a of [...doc.body.querySelectorAll("a")]) {
    if (a.closest("li, nav, aside, header, footer, figure, blockquote")) continue;
    const text = textOf(a);
    const words = text.split(" ").length;
    const prose = words >= 8 && /[.!?…]["”’»)]*$/.test(text);
    const block = a.closest("p, div, section, article, td");
    if (!prose || !block || textOf(block).length > text.length * 1.5 + 20) continue;
    const span = doc.createElement("span");
    while (a.firstChild) span.appendChild(a.firstChild);
    a.replaceWith(span);
  }
}

/**
 * Pull quotes repeat words of the body in a box: a block quote, aside or
 * figure (or an element named like a pull quote) whose words appear again
 * elsewhere on the page is removed. A quotation that appears once is kept.
 */
function removeRepeatedPullQuotes(doc: Document) {
  const candidates = [...doc.body.querySelectorAll("blockquote, aside, figure, [class*='pull'], [class*='quote'], [class*='callout'], [class*='highlight']")];
  const pageKey = repeatKey(doc.body.textContent ?? "");
  for (const el of candidates) {
    if (!el.isConnected || el.querySelector("h1")) continue;
    const key = repeatKey(textOf(el));
    if (key.length < 20) continue;
    const first = pageKey.indexOf(key);
    if (first >= 0 && pageKey.indexOf(key, first + 1) >= 0) remove(el);
  }
}
