/**
 * W3C Web Annotation Data Model (JSON-LD) for quotes and annotations: each one
 * targets the article snapshot it was anchored in (our article page) with a
 * TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start,
 * end — counted in code points, as the W3C model does). Pure: takes plain rows,
 * returns JSON.
 */
import { toSelectors } from "../anchoring/selectors";
import { articleUrl, claimUrl, SITE_NAME } from "../site-url";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export interface AnchoredSpan {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /**
   * The article text, needed to count the position in code points when it has
   * characters outside the Basic Multilingual Plane (emoji); null when it has
   * none (code points and stored offsets then agree).
   */
  articleBody: string | null;
}

export interface QuoteForAnnotation extends AnchoredSpan {
  id: string;
  articleSlug: string;
  speaker: string | null;
  verb: string | null;
  fidelity: string | null;
  claimSlug: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NoteForAnnotation extends AnchoredSpan {
  id: string;
  articleSlug: string;
  body: string;
  motivation: string;
  claimSlug: string | null;
  createdAt: string;
  updatedAt: string;
}

const utc = (iso: string) => new Date(iso).toISOString();

function target(span: AnchoredSpan, articleSlug: string, base: string) {
  return {
    type: "SpecificResource",
    source: articleUrl(articleSlug, base),
    selector: toSelectors(span, span.articleBody ?? ""),
  };
}

const generator = (base: string) => ({ id: base, type: "Software", name: SITE_NAME, homepage: base });

export function quoteAnnotation(q: QuoteForAnnotation, base: string) {
  const describing = [
    q.speaker ? `Quote attributed to ${q.speaker}` : "Quote",
    q.verb ? `verb “${q.verb}”` : null,
    q.fidelity ? `fidelity: ${q.fidelity}` : null,
  ]
    .filter(Boolean)
    .join("; ");
  return {
    "@context": ANNO_CONTEXT,
    id: `${articleUrl(q.articleSlug, base)}#quote-${q.id}`,
    type: "Annotation",
    motivation: "highlighting",
    created: utc(q.createdAt),
    modified: utc(q.updatedAt),
    creator: { id: base, type: "Organization", name: SITE_NAME },
    generator: generator(base),
    body: [
      { type: "TextualBody", purpose: "describing", value: describing, format: "text/plain", language: "en" },
      ...(q.claimSlug ? [{ id: claimUrl(q.claimSlug, base), type: "Text", purpose: "linking", format: "text/html" }] : []),
    ],
    target: target(q, q.articleSlug, base),
  };
}

const MOTIVATIONS = new Set(["commenting", "questioning", "assessing", "tagging"]);

export function noteAnnotation(n: NoteForAnnotation, base: string) {
  return {
    "@context": ANNO_CONTEXT,
    id: `${articleUrl(n.articleSlug, base)}#annotation-${n.id}`,
    type: "Annotation",
    motivation: MOTIVATIONS.has(n.motivation) ? n.motivation : "commenting",
    created: utc(n.createdAt),
    modified: utc(n.updatedAt),
    creator: { id: base, type: "Organization", name: SITE_NAME },
    generator: generator(base),
    body: [
      { type: "TextualBody", purpose: n.motivation === "tagging" ? "tagging" : "commenting", value: n.body, format: "text/plain", language: "en" },
      ...(n.claimSlug ? [{ id: claimUrl(n.claimSlug, base), type: "Text", purpose: "linking", format: "text/html" }] : []),
    ],
    target: target(n, n.articleSlug, base),
  };
}

/**
 * An AnnotationCollection as JSON text, in chunks: the collection's head, its
 * one embedded page with each item as it comes (items inherit the collection's
 * @context), then `total`, which is known only once the items are out. So an
 * export of any size is written in the memory of one batch of items.
 * `items` yields batches (arrays) of annotations.
 */
export async function* annotationCollectionChunks(items: AsyncIterable<object[]>, base: string, id: string): AsyncGenerator<string> {
  const head = {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: `${SITE_NAME} quotes and annotations`,
    generated: new Date().toISOString(),
    generator: generator(base),
  };
  const page = { id: `${id}#page-1`, type: "AnnotationPage", startIndex: 0 };
  // Both objects are open at the end, so that `first` and its `items` follow their fields.
  yield `${JSON.stringify(head).slice(0, -1)},"first":${JSON.stringify(page).slice(0, -1)},"items":[`;
  let total = 0;
  for await (const batch of items) {
    if (!batch.length) continue;
    yield (total ? "," : "") + batch.map((item) => JSON.stringify(stripContext(item))).join(",");
    total += batch.length;
  }
  yield `]},"total":${total}}`;
}

// Items inherit the collection's @context.
function stripContext(item: object) {
  return Object.fromEntries(Object.entries(item).filter(([key]) => key !== "@context"));
}
