import { getArticleCapture } from "@/lib/article-workspace";
import { getCurrentUser, isEditor } from "@/lib/auth";

/**
 * A page exactly as the server fetched it on import, for editors. HTML is sent
 * as text/plain in the encoding it was read in, so the browser shows its
 * source and never runs or renders it (nosniff, and the site's own
 * Content-Security-Policy still applies); a PDF is a download.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; captureId: string }> }) {
  if (!isEditor(await getCurrentUser())) return new Response("Sign in as an editor to see this.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { id, captureId } = await params;
  const capture = await getArticleCapture(id, captureId);
  if (!capture) return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const pdf = capture.mediaType === "application/pdf";
  const name = `capture-${captureId}.${pdf ? "pdf" : "html.txt"}`;
  return new Response(Buffer.from(capture.bytes), {
    headers: {
      "content-type": pdf ? "application/pdf" : `text/plain; charset=${capture.encoding ?? "utf-8"}`,
      "content-disposition": `${pdf ? "attachment" : "inline"}; filename="${name}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
