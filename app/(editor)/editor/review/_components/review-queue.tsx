"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { moveQuotesAction, reviewQuotesAction } from "@/app/(editor)/editor/_actions/quotes";
import type { ReviewQueueFilter } from "@/lib/validation/quote";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { QuickEdit, truncate, type ClaimOption, type Option, type QueueQuote } from "@/app/(editor)/editor/review/_components/quick-edit";
import { hasModifier, isTypingTarget } from "@/app/(editor)/editor/review/_components/keyboard";
import { EditPanel } from "@/app/(editor)/editor/review/_components/edit-panel";
import { ShortcutHelp, type Shortcut } from "@/app/(editor)/editor/review/_components/shortcut-help";
import { AnchorBadge, ClaimStatusBadge, ReviewBadge } from "@/app/(editor)/editor/_components/status-badge";
import { Combobox } from "@/app/(editor)/editor/_components/combobox";
import { claimOptions } from "@/app/(editor)/editor/_components/claim-picker";


const SHORTCUTS: Shortcut[] = [
  { keys: ["j", "↓"], label: "Next quote" },
  { keys: ["k", "↑"], label: "Previous quote" },
  { keys: ["c"], label: "Confirm the quote" },
  { keys: ["r"], label: "Reject the quote" },
  { keys: ["o", "Enter"], label: "Open the quote" },
  { keys: ["e"], label: "Edit speaker or claim" },
  { keys: ["x"], label: "Select or unselect for a bulk action" },
  { keys: ["?"], label: "Show or hide this help" },
];

export function ReviewQueue({
  filter,
  total,
  pages,
  quotes,
  outlets,
  speakerFilters,
  claims,
  speakers,
}: {
  filter: ReviewQueueFilter;
  total: number;
  pages: number;
  quotes: QueueQuote[];
  outlets: { slug: string; name: string }[];
  speakerFilters: { slug: string; name: string; acronyms: string[] }[];
  claims: ClaimOption[];
  speakers: Option[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { run, busy, problem, setProblem } = useActionRunner();
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [moveTo, setMoveTo] = useState("");
  const [flash, setFlash] = useState<string | null>(null);

  const current = quotes[Math.min(active, quotes.length - 1)];
  const activeIndex = Math.min(active, Math.max(0, quotes.length - 1));
  const selectedItems = useMemo(() => quotes.filter((q) => selected.has(q.id)), [quotes, selected]);
  // The filters' long lists as search boxes (Combobox), not long selects.
  const outletOptions = useMemo(() => outlets.map((o) => ({ value: o.slug, label: o.name })), [outlets]);
  const speakerOptions = useMemo(() => speakerFilters.map((s) => ({ value: s.slug, label: s.name, detail: s.acronyms.join(" · ") })), [speakerFilters]);
  const claimChoices = useMemo(() => claimOptions(claims), [claims]);

  function setFilter(name: string, value: string) {
    const params = new URLSearchParams(searchParams.toString());
    if (value) params.set(name, value);
    else params.delete(name);
    params.delete("page");
    router.push(`${pathname}?${params.toString()}`);
  }

  /** A filter chosen in a search box: the box lets go of the keyboard, so j, k, c, r and ? act on the queue again. */
  const chooseFilter = (name: string) => (value: string) => {
    setFilter(name, value);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  };

  const decide = useCallback(
    async (items: QueueQuote[], decision: "confirmed" | "rejected" | "suggested") => {
      if (items.length === 0) return;
      const data = await run(() => reviewQuotesAction({ items: items.map((q) => ({ id: q.id, version: q.version })), decision }));
      if (data) {
        const verb = decision === "confirmed" ? "Confirmed" : decision === "rejected" ? "Rejected" : "Re-opened";
        setFlash(`${verb} ${data.count === 1 ? "1 quote" : `${data.count} quotes`}.`);
        setSelected(new Set());
      }
    },
    [run],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (help || isTypingTarget(e.target) || hasModifier(e)) return;
      if (e.key === "?") {
        e.preventDefault();
        setHelp(true);
        return;
      }
      if (!current) return;
      const k = e.key;
      if (k === "j" || k === "ArrowDown") {
        e.preventDefault();
        setActive(Math.min(quotes.length - 1, activeIndex + 1));
      } else if (k === "k" || k === "ArrowUp") {
        e.preventDefault();
        setActive(Math.max(0, activeIndex - 1));
      } else if (k === "c" && !busy) {
        e.preventDefault();
        void decide([current], "confirmed");
      } else if (k === "r" && !busy) {
        e.preventDefault();
        void decide([current], "rejected");
      } else if (k === "o" || (k === "Enter" && (e.target === document.body || (e.target as HTMLElement).closest?.(".queue-item")))) {
        if (k === "Enter" && (e.target as HTMLElement).closest?.("button, a")) return;
        e.preventDefault();
        router.push(`/editor/quotes/${current.id}`);
      } else if (k === "e") {
        e.preventDefault();
        setEditing((id) => (id === current.id ? null : current.id));
      } else if (k === "x") {
        e.preventDefault();
        setSelected((s) => {
          const next = new Set(s);
          if (next.has(current.id)) next.delete(current.id);
          else next.add(current.id);
          return next;
        });
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [help, current, quotes.length, activeIndex, busy, decide, router]);

  useEffect(() => {
    document.getElementById(`queue-${current?.id}`)?.scrollIntoView({ block: "nearest" });
  }, [current?.id]);

  const allSelected = quotes.length > 0 && quotes.every((q) => selected.has(q.id));

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Review queue</h1>
          <p className="lede">
            {total === 0
              ? "No quotes match these filters."
              : `${total.toLocaleString("en")} ${filter.status === "all" ? "" : `${filter.status} `}${total === 1 ? "quote" : "quotes"}.`}
          </p>
        </div>
        <button type="button" className="button button--secondary button--small" onClick={() => setHelp(true)}>
          Keyboard shortcuts <kbd>?</kbd>
        </button>
      </div>

      <form className="queue-filters" role="search" aria-label="Filter quotes" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" value={filter.status} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="suggested">Suggested</option>
            <option value="confirmed">Confirmed</option>
            <option value="rejected">Rejected</option>
            <option value="all">All</option>
          </select>
        </div>
        <Combobox id="f-outlet" label="Outlet" placeholder="Search outlets…" fixed={[{ value: "", label: "All outlets" }]} options={outletOptions} value={filter.outlet ?? ""} onChange={chooseFilter("outlet")} />
        <Combobox
          id="f-speaker"
          label="Speaker"
          placeholder="Search speakers by name or acronym…"
          fixed={[{ value: "", label: "All speakers" }, { value: "none", label: "No speaker" }]}
          options={speakerOptions}
          value={filter.speaker ?? ""}
          onChange={chooseFilter("speaker")}
        />
        <Combobox
          id="f-claim"
          label="Claim"
          placeholder="Search claims by wording, speaker or slug…"
          fixed={[{ value: "", label: "All claims" }, { value: "none", label: "No claim" }]}
          options={claimChoices}
          value={filter.claim ?? ""}
          onChange={chooseFilter("claim")}
        />
      </form>

      {problem && (
        <div className="notice notice--error" role="alert">
          {problem.message}{" "}
          {problem.code === "conflict" && (
            <button type="button" className="button button--secondary button--small" onClick={() => { setProblem(null); router.refresh(); }}>
              Reload the queue
            </button>
          )}
        </div>
      )}
      {flash && !problem && (
        <p className="notice notice--ok" role="status" aria-live="polite">
          {flash}
        </p>
      )}

      {quotes.length > 0 && (
        <div className="bulk-bar" aria-label="Bulk actions">
          <label className="field--inline small">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() => setSelected(allSelected ? new Set() : new Set(quotes.map((q) => q.id)))}
            />
            Select all on this page
          </label>
          <span className="muted small">{selectedItems.length} selected</span>
          <span className="spacer" />
          <button type="button" className="button button--ok button--small" disabled={busy || !selectedItems.length} onClick={() => decide(selectedItems, "confirmed")}>
            Confirm selected
          </button>
          <button type="button" className="button button--ghost-danger button--small" disabled={busy || !selectedItems.length} onClick={() => decide(selectedItems, "rejected")}>
            Reject selected
          </button>
          <div className="bulk-bar__move">
            <Combobox id="bulk-move" label="Move selected to claim" placeholder="Search claims…" options={claimChoices} value={moveTo} onChange={setMoveTo} />
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy || !selectedItems.length || !moveTo}
            onClick={async () => {
              const data = await run(() => moveQuotesAction({ items: selectedItems.map((q) => ({ id: q.id, version: q.version })), claimId: moveTo }));
              if (data) {
                setFlash(`Moved ${data.count === 1 ? "1 quote" : `${data.count} quotes`} and confirmed ${data.count === 1 ? "it" : "them"}.`);
                setSelected(new Set());
                setMoveTo("");
              }
            }}
          >
            Move
          </button>
        </div>
      )}

      {quotes.length === 0 ? (
        <div className="empty">
          {filter.status === "suggested" ? (
            <>
              <strong>All caught up.</strong> Every suggested quote matching these filters has been reviewed.{" "}
              <Link href="/editor/import">Import an article</Link> or <Link href="/editor/articles">mark quotes in an article</Link>.
            </>
          ) : (
            "No quotes match these filters."
          )}
        </div>
      ) : (
        <ol className="queue" aria-label="Quotes to review">
          {quotes.map((q, i) => (
            <li
              key={q.id}
              id={`queue-${q.id}`}
              className="queue-item"
              aria-current={i === activeIndex ? "true" : undefined}
              onClick={() => setActive(i)}
            >
              <div className="queue-item__check">
                <input
                  type="checkbox"
                  aria-label="Select quote"
                  checked={selected.has(q.id)}
                  onChange={() =>
                    setSelected((s) => {
                      const next = new Set(s);
                      if (next.has(q.id)) next.delete(q.id);
                      else next.add(q.id);
                      return next;
                    })
                  }
                />
              </div>
              <div>
                <p className="queue-item__quote">
                  <span className="ctx">…{q.prefix.slice(-60)}</span>
                  <mark>{q.exact}</mark>
                  <span className="ctx">{q.suffix.slice(0, 60)}…</span>
                </p>
                <div className="queue-item__meta">
                  <ReviewBadge status={q.reviewStatus} />
                  <AnchorBadge status={q.anchorStatus} />
                  <span>
                    <strong>{q.article.outlet.name}</strong> · <Link href={`/editor/articles/${q.article.id}`}>{truncate(q.article.title, 70)}</Link>
                  </span>
                  <span>
                    Speaker: <strong>{q.speaker?.name ?? "none"}</strong>
                    {!q.speaker && q.attributionReason ? <span className="muted"> ({q.attributionReason})</span> : null}
                  </span>
                  <span>
                    Claim:{" "}
                    {q.claim ? (
                      <>
                        <Link href={`/editor/claims/${q.claim.id}`}>{truncate(q.claim.canonical, 60)}</Link> <ClaimStatusBadge status={q.claim.status} />
                      </>
                    ) : (
                      <strong>none</strong>
                    )}
                    {q.matchScore != null && <span title="How sure the matcher was"> ({Math.round(q.matchScore * 100)}% match)</span>}
                  </span>
                  {q.origin === "editor" && <span className="badge badge--accent">by an editor</span>}
                </div>
              </div>
              <div className="queue-item__actions">
                {q.reviewStatus !== "confirmed" && (
                  <button type="button" className="button button--ok button--small" disabled={busy} onClick={() => decide([q], "confirmed")}>
                    Confirm
                  </button>
                )}
                {q.reviewStatus !== "rejected" && (
                  <button type="button" className="button button--ghost-danger button--small" disabled={busy} onClick={() => decide([q], "rejected")}>
                    Reject
                  </button>
                )}
                {q.reviewStatus !== "suggested" && (
                  <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => decide([q], "suggested")}>
                    Re-open
                  </button>
                )}
                <button type="button" className="button button--secondary button--small" data-edit-for={q.id} aria-expanded={editing === q.id} onClick={() => setEditing(editing === q.id ? null : q.id)}>
                  Edit
                </button>
                <Link className="button button--secondary button--small" href={`/editor/quotes/${q.id}`}>
                  Open
                </Link>
              </div>
              {editing === q.id && (
                <EditPanel label="Edit speaker or claim" onClose={() => setEditing(null)} returnTo={() => document.querySelector<HTMLElement>(`[data-edit-for="${q.id}"]`)}>
                  <QuickEdit quote={q} claims={claims} speakers={speakers} onDone={(message) => { setEditing(null); setFlash(message); }} />
                </EditPanel>
              )}
            </li>
          ))}
        </ol>
      )}

      {pages > 1 && (
        <nav className="pager" aria-label="Pages">
          {filter.page > 1 && <Link href={`?${withPage(searchParams, filter.page - 1)}`}>← Previous</Link>}
          <span className="muted small">
            Page {filter.page} of {pages}
          </span>
          {filter.page < pages && <Link href={`?${withPage(searchParams, filter.page + 1)}`}>Next →</Link>}
        </nav>
      )}
      <p className="shortcut-hint">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>c</kbd> confirm · <kbd>r</kbd> reject · <kbd>o</kbd> open · <kbd>?</kbd> all shortcuts
      </p>
      {help && <ShortcutHelp shortcuts={SHORTCUTS} onClose={() => setHelp(false)} />}
    </>
  );
}

function withPage(params: URLSearchParams, page: number) {
  const next = new URLSearchParams(params.toString());
  next.set("page", String(page));
  return next.toString();
}
