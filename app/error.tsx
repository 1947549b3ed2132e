"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card" style={{ maxWidth: 560 }} role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing you entered has been lost; try again.</p>
      <button className="button" type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
