import { useEffect, useEffectEvent, type RefObject } from "react";

/**
 * Maps a DOM selection inside the article text back to offsets in the article
 * body. Every run of text is rendered as one element holding only a text node,
 * with `data-start`/`data-end` = its offsets in the body, so a boundary inside
 * a text node is `data-start + offset`, exactly (no text re-measuring).
 */
function runOf(node: Node | null): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : node?.parentElement ?? null;
  return el?.closest<HTMLElement>("[data-start]") ?? null;
}

function boundaryOffset(root: HTMLElement, node: Node, offset: number, side: "start" | "end"): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = runOf(node);
    if (!run || !root.contains(run) || run.dataset.end === undefined) return null;
    return Number(run.dataset.start) + offset;
  }
  if (!(node instanceof HTMLElement)) return null;
  // A boundary between children: the child after it starts there, or the child before it ends there.
  const children = [...node.childNodes];
  const after = children[offset];
  const before = children[offset - 1];
  const first = (n: Node | undefined) => (n instanceof HTMLElement ? (n.matches("[data-start]") ? n : n.querySelector<HTMLElement>("[data-start]")) : null);
  const last = (n: Node | undefined) => {
    if (!(n instanceof HTMLElement)) return null;
    const all = n.matches("[data-end]") ? [n] : [...n.querySelectorAll<HTMLElement>("[data-end]")];
    return all[all.length - 1] ?? null;
  };
  if (side === "start") {
    const el = first(after) ?? last(before);
    if (!el) return null;
    return el === last(before) ? Number(el.dataset.end) : Number(el.dataset.start);
  }
  const el = last(before) ?? first(after);
  if (!el) return null;
  return el === first(after) ? Number(el.dataset.start) : Number(el.dataset.end);
}

export function selectionOffsets(root: HTMLElement, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = boundaryOffset(root, range.startContainer, range.startOffset, "start");
  const end = boundaryOffset(root, range.endContainer, range.endOffset, "end");
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/**
 * Calls `onSelect(start, end)` with the body offsets of a finished selection
 * inside `root`: the mouse released, or a key released after a keyboard
 * selection. Not on every selectionchange: re-rendering the highlighted runs
 * mid-drag would replace the very text nodes the browser is selecting. A
 * collapsed selection (a click, or focus moving to a form) calls nothing, so a
 * pending span stays. When `onSelect` returns true (it took the span), the
 * browser's selection is cleared: the page's own highlight shows it from then on.
 */
export function useFinishedSelection(root: RefObject<HTMLElement | null>, onSelect: (start: number, end: number) => boolean) {
  const select = useEffectEvent(onSelect);
  useEffect(() => {
    function capture() {
      const el = root.current;
      if (!el) return;
      const selection = document.getSelection();
      const offsets = selectionOffsets(el, selection);
      if (offsets && select(offsets.start, offsets.end)) selection?.removeAllRanges();
    }
    document.addEventListener("mouseup", capture);
    document.addEventListener("keyup", capture);
    return () => {
      document.removeEventListener("mouseup", capture);
      document.removeEventListener("keyup", capture);
    };
  }, [root]);
}
