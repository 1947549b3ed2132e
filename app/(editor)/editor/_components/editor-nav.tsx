"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/editor", label: "Dashboard", exact: true },
  { href: "/editor/review", label: "Review queue" },
  { href: "/editor/articles", label: "Articles" },
  { href: "/editor/claims", label: "Claims" },
  { href: "/editor/sources", label: "Sources" },
  { href: "/editor/speakers", label: "Speakers" },
  { href: "/editor/outlets", label: "Outlets" },
  { href: "/editor/tags", label: "Tags" },
  { href: "/editor/import", label: "Import" },
  { href: "/editor/feeds", label: "Feeds" },
  { href: "/editor/alerts", label: "Alerts" },
];

export function EditorNav({ isAdmin, suggested, alerts }: { isAdmin: boolean; suggested: number; alerts: number }) {
  const pathname = usePathname();
  const links = isAdmin
    ? [
        ...LINKS,
        { href: "/editor/admin", label: "Accounts", exact: true },
        { href: "/editor/admin/verdict-labels", label: "Verdicts" },
        { href: "/editor/admin/webhook", label: "Webhook" },
        { href: "/editor/admin/security", label: "Security" },
      ]
    : LINKS;
  return (
    <nav className="editor-nav__links" aria-label="Editor">
      {links.map((link) => {
        const active = link.exact ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link key={link.href} href={link.href} aria-current={active ? "page" : undefined}>
            {link.label}
            {link.href === "/editor/review" && suggested > 0 && <span className="editor-nav__count">{suggested}</span>}
            {link.href === "/editor/alerts" && alerts > 0 && <span className="editor-nav__count">{alerts}</span>}
          </Link>
        );
      })}
    </nav>
  );
}
