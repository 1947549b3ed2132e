"use client";

import Link from "next/link";
import { useState } from "react";
import { setTagAction } from "@/app/(editor)/editor/_actions/tags";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";

type Tag = { id: string; name: string; colour: string; kind: string };

/** Attach and detach tags on a claim or a quote. */
export function TagPicker({ target, targetId, attached, all }: { target: "claim" | "quote"; targetId: string; attached: Tag[]; all: Tag[] }) {
  const { run, busy, problem } = useActionRunner();
  const [choice, setChoice] = useState("");
  const available = all.filter((t) => !attached.some((a) => a.id === t.id));
  const kinds = ["topic", "entity", "framing"] as const;
  return (
    <div className="stack">
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      {attached.length === 0 ? (
        <p className="muted small">No tags yet.</p>
      ) : (
        <ul className="tag-list" aria-label="Tags">
          {attached.map((tag) => (
            <li key={tag.id} className="chip">
              <span className="chip__dot" style={{ background: tag.colour }} aria-hidden="true" />
              {tag.name}
              <span className="muted small">{tag.kind}</span>
              <button
                type="button"
                aria-label={`Remove tag ${tag.name}`}
                disabled={busy}
                onClick={() => run(() => setTagAction({ tagId: tag.id, target, targetId, attached: false }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="row"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!choice) return;
          const done = await run(() => setTagAction({ tagId: choice, target, targetId, attached: true }));
          if (done) setChoice("");
        }}
      >
        <select aria-label="Add a tag" value={choice} onChange={(e) => setChoice(e.target.value)} className="select-small">
          <option value="">Add a tag…</option>
          {kinds.map((kind) => {
            const tags = available.filter((t) => t.kind === kind);
            return tags.length ? (
              <optgroup key={kind} label={kind[0].toUpperCase() + kind.slice(1)}>
                {tags.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
        <button type="submit" className="button button--secondary button--small" disabled={busy || !choice}>
          Add tag
        </button>
        <Link href="/editor/tags" className="small">
          Manage tags
        </Link>
      </form>
    </div>
  );
}
