import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { AccountNav } from "@/components/account-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claimscope", template: "%s · Claimscope" },
  description: "How news outlets quote and frame the claims of official reports, side by side.",
  // Discoverable from every page's <head>: the Atom feed of claim reviews (the sitemap is named in /robots.txt).
  alternates: { types: { "application/atom+xml": [{ url: "/feed.xml", title: "Claimscope: claim reviews" }] } },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand">
              <span className="brand__mark" aria-hidden="true">
                “
              </span>
              Claimscope
            </Link>
            <nav className="nav" aria-label="Main">
              <Link href="/claims">Claims</Link>
              <Link href="/articles">Articles</Link>
              <Link href="/outlets">Outlets</Link>
              <Link href="/speakers">Speakers</Link>
              <Link href="/search">Search</Link>
            </nav>
            <span className="nav__spacer" />
            <nav className="nav" aria-label="Account">
              <AccountNav />
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            Claimscope tracks quoted claims across news outlets. Source texts are quoted for review and
            criticism.
          </div>
        </footer>
      </body>
    </html>
  );
}
