import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card" style={{ maxWidth: 560 }}>
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been moved, merged into another claim, or unpublished.</p>
      <Link href="/">Back to the home page</Link>
    </div>
  );
}
