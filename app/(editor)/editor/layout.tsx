import Link from "next/link";
import { requireEditor } from "@/lib/auth";
import { SignOutButton } from "./_components/sign-out-button";

export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const user = await requireEditor();
  return (
    <div>
      <nav className="nav" aria-label="Editor" style={{ marginBottom: "1.5rem", paddingBottom: "0.75rem", borderBottom: "1px solid var(--line)" }}>
        <Link href="/editor">Dashboard</Link>
        <Link href="/editor/account">Account</Link>
        <span className="nav__spacer" />
        <span className="muted small">
          {user.name} · {user.role}
        </span>
        <SignOutButton />
      </nav>
      {children}
    </div>
  );
}
