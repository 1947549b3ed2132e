// Speakers given by the article's layout rather than by a cue in a sentence:
//  - an embedded social-media post, its author signed on the line below it
//    ("— Jane Roe (@jroe) May 1, 2026"): the post's quotations are the author's;
//  - a question-and-answer interview ("Q: …" / "A: …" paragraphs): the answers are the
//    interviewee's words, the person the introduction names (not the one who "spoke to"
//    them); a quotation in a question is only the interviewer's report of someone;
//  - a speaker named only by a relation to the reader or writer ("your predecessor",
//    "my colleague") is nobody the article identifies.

import type { Attribution, AttributionInput, Context, ResolvedSpeaker } from "./context";
import { personSpeaker } from "./persons";

// "— Jane Roe (@jroe) May 1, 2026", the signature line of an embedded post.
const SIGNATURE = /^[—–-]\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*\(@[\w.]+\)/u;
const QUESTION = /^(?:Q|Question)\s*[:.]\s/;
const ANSWER = /^(?:A|Answer)\s*[:.]\s/;
// "She spoke to Ken Adair", "interviewed by …": the name after these is the interviewer's.
const INTERVIEWER_LEAD = /\b(?:spoke|talked|talks|speaks|spoken|talking|speaking)\s+(?:to|with)\s+$|\b(?:by|with|to)\s+$/i;
const NAME_RUN = /\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}/gu;
const RELATION = /^(?:your|my|our)\s+\p{Ll}/iu;

/** Applies the layout rules above to the attributions of one article (in place). */
export function layoutSpeakers(input: AttributionInput, out: Attribution[], ctx: Context) {
  const { text, paragraphs, quotes } = input;
  const para = (i: number) => (paragraphs[i] ? text.slice(paragraphs[i].start, paragraphs[i].end) : "");

  // A speaker named only by a relation to the reader or the writer.
  for (const a of out) {
    if (a.speaker && !a.speaker.id && RELATION.test(a.speaker.name) && !/\s\p{Lu}/u.test(a.speaker.name)) {
      a.speaker = null;
      a.source = "none";
      a.reason = "named only by a relation to the reader or writer, not identified";
    }
  }

  // Embedded posts.
  quotes.forEach((q, i) => {
    const sig = SIGNATURE.exec(para(q.paragraphIndex + 1));
    const a = out[i];
    if (!sig || (a.source === "direct" && a.speaker)) return;
    a.speaker = personSpeaker(sig[1], null, ctx);
    a.source = "carried";
    a.reason = "the author of the embedded post it is in";
  });

  // Question-and-answer interviews.
  let questions = 0;
  let answers = 0;
  let firstQuestion = -1;
  for (let p = 1; p < paragraphs.length; p++) {
    const t = para(p);
    if (QUESTION.test(t)) {
      questions++;
      if (firstQuestion < 0) firstQuestion = p;
    } else if (ANSWER.test(t)) answers++;
  }
  if (questions < 2 || answers < 2) return;
  const interviewee = intervieweeOf(input, firstQuestion, ctx);
  if (!interviewee) return;
  const answerWords = new Set<string>();
  quotes.forEach((q, i) => {
    if (!ANSWER.test(para(q.paragraphIndex))) return;
    answerWords.add(words(text.slice(q.start, q.end)));
    const a = out[i];
    // A cue naming someone else inside an answer stands ("…,” the mayor told me); "I" and no cue are the interviewee.
    if (a.source === "direct" && a.speaker && a.speaker !== interviewee) return;
    assign(a, interviewee, "an answer in a question-and-answer interview: the interviewee's words");
  });
  // The headline quoting the interviewee's answer.
  quotes.forEach((q, i) => {
    if (q.paragraphIndex === 0 && answerWords.has(words(text.slice(q.start, q.end)))) {
      assign(out[i], interviewee, "the headline quotes the interviewee's answer");
    }
  });
}

function assign(a: Attribution, speaker: ResolvedSpeaker, reason: string) {
  a.speaker = speaker;
  a.source = "carried";
  a.reason = reason;
}

function words(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The first person the introduction (before the first question) names who is not the interviewer. */
function intervieweeOf(input: AttributionInput, firstQuestion: number, ctx: Context): ResolvedSpeaker | null {
  const { text, paragraphs } = input;
  for (let p = 1; p < firstQuestion; p++) {
    const t = text.slice(paragraphs[p].start, paragraphs[p].end);
    for (const m of t.matchAll(NAME_RUN)) {
      if (INTERVIEWER_LEAD.test(t.slice(Math.max(0, m.index - 20), m.index))) continue;
      // People are remembered under each part of their name but a first name (rememberPerson).
      const known = ctx.people.get(m[0].toLowerCase()) ?? ctx.people.get(m[0].split(/\s+/).at(-1)!.toLowerCase());
      if (known && known.kind === "person") return known;
    }
  }
  return null;
}
