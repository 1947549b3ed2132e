export interface WorkspaceQuote {
  id: string;
  exact: string;
  start: number;
  end: number;
  origin: string;
  reviewStatus: string;
  anchorStatus: string;
  version: number;
  speaker: { id: string; name: string } | null;
  claim: { id: string; canonical: string; status: string } | null;
  /** "p. 3" for an article read from a PDF (lib/source-pages.ts pageCitation); null otherwise. */
  page?: string | null;
}

export interface WorkspaceAnnotation {
  id: string;
  exact: string;
  start: number;
  end: number;
  body: string;
  motivation: string;
  isPublic: boolean;
  anchorStatus: string;
  anchorScore: number | null;
  version: number;
  authorName: string | null;
  claim: { id: string; canonical: string } | null;
}

export interface ClaimOption {
  id: string;
  canonical: string;
}

/** An anchor drawn in the text: not orphaned by a text correction. */
export const placed = (s: { start: number; anchorStatus: string }) => s.anchorStatus !== "orphaned" && s.start >= 0;

