import type { Metadata } from "next";
import { requireEditor } from "@/lib/auth";
import { listOutlets } from "@/lib/outlets";
import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Import an article" };

export default async function ImportPage() {
  await requireEditor("/editor/import");
  const outlets = await listOutlets();
  return (
    <>
      <h1>Import an article</h1>
      <p className="lede">
        Paste the article or upload a .txt or .html file. Claimscope keeps the text as received, finds every quotation,
        attributes it and links it to existing claims, as suggestions for you to review.
      </p>
      <ImportForm outlets={outlets.map((o) => ({ id: o.id, name: o.name }))} />
    </>
  );
}
