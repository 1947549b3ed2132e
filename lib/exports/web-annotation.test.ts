import { describe, expect, it } from "vitest";
import { annotationCollectionChunks } from "./web-annotation";

async function* batches(...lists: object[][]) {
  for (const list of lists) yield list;
}

async function collect(chunks: AsyncGenerator<string>) {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return { parts, json: JSON.parse(parts.join("")) };
}

const item = (n: number) => ({ "@context": "http://www.w3.org/ns/anno.jsonld", id: `https://claims.example/a#quote-${n}`, type: "Annotation" });

describe("annotationCollectionChunks", () => {
  it("streams one collection whose page holds every batch's items in order, without their @context, and counts them", async () => {
    const { parts, json } = await collect(annotationCollectionChunks(batches([item(1), item(2)], [], [item(3)]), "https://claims.example", "https://claims.example/api/export/annotations"));
    // The head, one chunk per non-empty batch, the tail: never the whole collection at once.
    expect(parts).toHaveLength(4);
    expect(json).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://claims.example/api/export/annotations",
      type: "AnnotationCollection",
      total: 3,
      first: { id: "https://claims.example/api/export/annotations#page-1", type: "AnnotationPage", startIndex: 0 },
    });
    expect(json.first.items).toEqual([1, 2, 3].map((n) => ({ id: `https://claims.example/a#quote-${n}`, type: "Annotation" })));
  });

  it("is a valid, empty collection when there is nothing to export", async () => {
    const { json } = await collect(annotationCollectionChunks(batches(), "https://claims.example", "https://claims.example/api/export/annotations"));
    expect(json.total).toBe(0);
    expect(json.first.items).toEqual([]);
  });
});
