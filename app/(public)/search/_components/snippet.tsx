import type { SnippetSegment } from "@/lib/search-highlight";

/** A search snippet: matched words in <mark>, everything as React text. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
