import Link from "next/link";
import { formatDate } from "@/components/format";
import { WordDiffView } from "@/app/(public)/claims/[slug]/_components/word-diff-view";
import type { TimelineStep } from "@/lib/claim-page-timeline";

/** The source, then each article that picked the claim up, with the wording diffed against the step before. */
export function ClaimTimeline({ steps }: { steps: TimelineStep[] }) {
  let pickUp = 0;
  return (
    <ol className="timeline">
      {steps.map((step, i) => {
        const label = step.kind === "source" ? "Source" : i === 0 ? "First appearance" : `Pick-up ${++pickUp}`;
        return (
          <li key={step.key} className={`timeline__step timeline__step--${step.kind}`}>
            <div className="timeline__when">
              <span className="badge">{label}</span>
              <time dateTime={step.publishedAt ?? undefined}>{formatDate(step.publishedAt)}</time>
            </div>
            <div className="timeline__what">
              <strong>{step.by}</strong>
              {" · "}
              {step.href ? (
                step.kind === "source" ? (
                  <a href={step.href} rel="noopener noreferrer nofollow">
                    {step.title}
                  </a>
                ) : (
                  <Link href={step.href}>{step.title}</Link>
                )
              ) : (
                <cite>{step.title}</cite>
              )}
              <p className="timeline__wording" data-testid="timeline-wording" data-quote-id={step.kind === "article" ? step.key : undefined}>
                <WordDiffView parts={step.diff} elideEnds />
              </p>
              {step.kind === "article" && (
                <p className="muted small">
                  {i === 0 ? "As printed: no source is on file to compare it with." : steps[i - 1].kind === "source" ? "Changes from the source wording." : "Changes from the previous appearance."}
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
