import type { Metadata } from "next";
import { getEditorDashboard } from "@/lib/editor-dashboard";
import { requireEditor } from "@/lib/auth";

export const metadata: Metadata = { title: "Editor" };

export default async function EditorHome() {
  const user = await requireEditor();
  const stats = await getEditorDashboard();
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      <p className="lede">The state of the corpus at a glance.</p>
      <div className="grid grid--3">
        <div className="card"><div className="stat">{stats.articles}</div><div className="muted">articles</div></div>
        <div className="card"><div className="stat">{stats.suggestedQuotes}</div><div className="muted">quotes awaiting review</div></div>
        <div className="card"><div className="stat">{stats.claims}</div><div className="muted">claims ({stats.publishedClaims} published)</div></div>
      </div>
    </>
  );
}
