import Link from "next/link";
import { EditorNav } from "@/app/(editor)/editor/_components/editor-nav";
import { countOpenAlerts } from "@/lib/alerts";
import { requireEditor } from "@/lib/auth";
import { countSuggestedQuotes } from "@/lib/editor-dashboard";
import { SignOutButton } from "./_components/sign-out-button";
import "./editor.css";

export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const user = await requireEditor();
  const [suggested, alerts] = await Promise.all([countSuggestedQuotes(), countOpenAlerts()]);
  return (
    <div className="editor-shell">
      <div className="editor-nav">
        <EditorNav isAdmin={user.role === "admin"} suggested={suggested} alerts={alerts} />
        <div className="editor-nav__user">
          <Link href="/editor/account" className="editor-nav__name">
            {user.name}
          </Link>
          {user.role === "admin" && <span className="badge badge--accent">admin</span>}
          <SignOutButton />
        </div>
      </div>
      {children}
    </div>
  );
}
