import Link from "next/link";

/** A tag as a chip: the editor-chosen colour is a small dot, so text contrast never depends on it. */
export function TagChip({ tag, href }: { tag: { name: string; slug: string; colour: string }; href?: string }) {
  const body = (
    <>
      <span className="tag-chip__dot" style={{ background: tag.colour }} aria-hidden="true" />
      {tag.name}
    </>
  );
  return href ? (
    <Link className="tag-chip" href={href}>
      {body}
    </Link>
  ) : (
    <span className="tag-chip">{body}</span>
  );
}
