/**
 * Kinds of page furniture beyond the field cases, each inside an otherwise
 * ordinary article page: the article's paragraphs are all kept, and the
 * furniture is not.
 */
import { describe, expect, it } from "vitest";
import { estimatedTextChars, htmlToArticle } from "./html-to-text";

const PARAGRAPHS = [
  "The town council voted on Tuesday to build a new footbridge over the river, ending a decade of debate.",
  "“This bridge will connect the two halves of our town for the first time in a century,” said council leader Maria Lund.",
  "Opponents said the cost, estimated at 12 million, was too high for a town of 30,000 people.",
  "“We are not against a bridge, we are against this bridge at this price,” said resident Tom Berg.",
  "Construction is due to start in the spring and take two years.",
];

function page(inside: string, outside = "") {
  return `<!doctype html><html><head><title>Council backs new bridge | Town Crier</title></head><body>
<header><a href="/">Town Crier</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<article><h1>Council backs new bridge</h1>
<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>
${inside}
<p>${PARAGRAPHS[2]}</p><p>${PARAGRAPHS[3]}</p><p>${PARAGRAPHS[4]}</p>
</article>${outside}<footer><p>© 2026 Town Crier. All rights reserved.</p></footer></body></html>`;
}

const occurrences = (text: string, s: string) => text.split(s).length - 1;

describe("htmlToArticle: furniture is not article text", () => {
  it.each([
    ["a pull quote repeating the body", page(`<aside class="pullquote"><p>“This bridge will connect the two halves of our town for the first time in a century”</p></aside>`), [], ["connect the two halves"]],
    ["a block quote repeating the body, no class", page(`<blockquote>We are not against a bridge, we are against this bridge at this price</blockquote>`), [], ["we are against this bridge at this price"]],
    ["a related-links block", page(`<div class="c-related-links"><h3>Related</h3><ul><li><a href="/a">Bridge plan: what we know</a></li><li><a href="/b">Ferry fares to rise in May</a></li></ul></div>`), ["Bridge plan", "Ferry fares", "Related"], []],
    ["a read-more line", page(`<p><strong>Read more:</strong> <a href="/c">Council election results in full</a></p>`), ["Council election results", "Read more"], []],
    ["a most-read list after the article", page("", `<section><h2>Most read</h2><ol><li><a href="/d">“Shocking” scenes at the town fair</a></li><li><a href="/e">Mayor “will not resign”</a></li></ol></section>`), ["Shocking", "will not resign", "Most read"], []],
    ["a cookie notice with no telling class", page("", `<div><p>We use cookies to improve your experience and to “personalise” ads. See our privacy policy.</p><button>Accept all</button> <button>Manage preferences</button></div>`), ["cookies", "personalise"], []],
    ["a cookie banner by class", page("", `<div class="cookie-banner"><p>This site uses cookies. By continuing you agree.</p><a href="#">OK</a></div>`), ["This site uses cookies"], []],
    ["WordPress comments", page("", `<div id="comments"><h3>3 Comments</h3><ol class="commentlist"><li><p>Anna K. says:</p><p>“Waste of money,” said my neighbour, and he is right.</p></li></ol><div id="respond"><h3>Leave a Reply</h3></div></div>`), ["Waste of money", "Anna K.", "Leave a Reply"], []],
    ["comments under a heading, with no telling class", page(`<h3>Comments (2)</h3><div><p><b>pete_77</b> · 3 hours ago</p><p>The council “never listens” to us.</p></div><div><p><b>Lise</b> · 2 hours ago</p><p>Finally!</p></div>`), ["never listens", "pete_77"], []],
    ["ads and their labels", page(`<div class="ad-slot"><p>Advertisement</p></div><p>Advertisement</p><div class="inline-ad">Sponsored: “Best mortgage rates”</div>`), ["Advertisement", "Best mortgage rates"], []],
  ])("%s", (_name, html, absent: string[], once: string[]) => {
    const { text, title } = htmlToArticle(html, "https://town-crier.example/bridge");
    expect(title).toBe("Council backs new bridge");
    expect(text.split("\n")[0]).toBe("Council backs new bridge");
    for (const p of PARAGRAPHS) expect(text).toContain(p);
    for (const s of absent) expect(text).not.toContain(s);
    for (const s of once) expect(occurrences(text.toLowerCase(), s.toLowerCase())).toBe(1);
    expect(text).not.toContain("All rights reserved");
    expect(text).not.toMatch(/\bSport\b/);
  });
});

describe("htmlToArticle: article text that looks like furniture is kept", () => {
  it.each([
    ["a “Reactions” subheading over quotes", `<h2>Reactions</h2><p>“A proud day for the town,” said the mayor, Ingrid Dahl.</p><p>Local businesses welcomed the vote.</p>`, ["Reactions", "A proud day for the town", "Local businesses welcomed the vote."]],
    ["a paragraph that is wholly a link", `<p><a href="/court"><strong>Judge Amanda Price said the inquiry would begin on 12 January and last three weeks.</strong></a></p>`, ["Judge Amanda Price said the inquiry would begin on 12 January and last three weeks."]],
    ["an embedded post with its author line", `<blockquote class="twitter-tweet"><p>Good news for walkers and cyclists in the town.</p>&mdash; Town Cycling Club (@towncycling) <a href="https://x.example/1">May 2, 2026</a></blockquote>`, ["Good news for walkers and cyclists in the town.", "— Town Cycling Club (@towncycling) May 2, 2026"]],
    ["a quotation that appears once in a block quote", `<blockquote><p>“The river has divided us long enough.”</p></blockquote>`, ["“The river has divided us long enough.”"]],
    ["line breaks inside a paragraph", `<p>The council's statement read:<br>“We have listened.<br>We have decided.”</p>`, ["The council's statement read:\n“We have listened.\nWe have decided.”"]],
  ])("%s", (_name, inside, present) => {
    const { text } = htmlToArticle(page(inside), "https://town-crier.example/bridge");
    for (const p of PARAGRAPHS) expect(text).toContain(p);
    for (const s of present) expect(text).toContain(s);
  });

  it("removes soft hyphens and zero-width spaces from the title and the text", () => {
    const { title, text } = htmlToArticle(`<html><head><title>Hoch&shy;wasser | Bote</title></head><body><article><h1>Hoch&shy;wasser&#8203;schutz</h1><p>${PARAGRAPHS.join(" ").replace("footbridge", "foot&shy;bridge")}</p></article></body></html>`);
    expect(title).toBe("Hochwasserschutz");
    expect(text).toContain("new footbridge over");
    expect(text).not.toMatch(/[\u00ad\u200b]/);
  });
});

describe("htmlToArticle: a page with more text than an article may have", () => {
  it("estimates the text outside tags, comments, scripts and styles, whitespace runs once", () => {
    expect(estimatedTextChars("<p>Hello,   world</p><!-- a <b>comment</b> --><script>var x = '<p>no</p>';</script><style>p { color: red }</style>\n\n<p>Bye</p>")).toBe(
      "Hello, world Bye".length,
    );
  });

  it("is refused before it is parsed, with the size in the message", () => {
    const page = `<html><body>${"<p>The council said the budget would be balanced by spring, officials told reporters.</p>\n".repeat(27_000)}</body></html>`;
    // This message comes from the count made before jsdom and Readability run.
    expect(() => htmlToArticle(page)).toThrow(/holds about 2,2\d\d,\d\d\d characters of text; at most 2,000,000 can be processed/);
  });
});
