import type { Metadata } from "next";
import { requireEditor } from "@/lib/auth";
import { listOutlets } from "@/lib/outlets";
import { ImportForm } from "./_components/import-form";
import { ImportUrlForm } from "./_components/import-url-form";

export const metadata: Metadata = { title: "Import an article" };

export default async function ImportPage() {
  await requireEditor("/editor/import");
  const outlets = await listOutlets();
  return (
    <>
      <h1>Import an article</h1>
      <p className="lede">
        Give the article&apos;s link, or paste it or upload a .txt or .html file. Claimscope keeps the text as received, finds
        every quotation, attributes it and links it to existing claims, as suggestions for you to review.
      </p>
      <ImportUrlForm outlets={outlets.map((o) => ({ id: o.id, name: o.name }))} />
      <h2>Paste or upload</h2>
      <ImportForm outlets={outlets.map((o) => ({ id: o.id, name: o.name }))} />
    </>
  );
}
