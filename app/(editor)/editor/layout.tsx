import Link from "next/link";
import { EditorNav } from "@/components/editor/editor-nav";
import { requireEditor } from "@/lib/auth";
import { prisma } from "@/lib/db";
import { SignOutButton } from "./_components/sign-out-button";
import "./editor.css";

export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const user = await requireEditor();
  const suggested = await prisma.quote.count({ where: { reviewStatus: "suggested" } });
  return (
    <div className="editor-shell">
      <div className="editor-nav">
        <EditorNav isAdmin={user.role === "admin"} suggested={suggested} />
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
