"use client";

import { useEffect, useRef, type ReactNode } from "react";

const FOCUSABLE = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]";

/**
 * The review queue's edit panel (the `e` shortcut or an item's Edit button), as a
 * keyboard user needs it: on opening it scrolls into view and moves focus to its first
 * field; Esc closes it; on closing, focus goes back to where it was (else to the
 * item's Edit button, `returnTo`), never lost on the page body.
 */
export function EditPanel({ label, returnTo, onClose, children }: { label: string; returnTo: () => HTMLElement | null; onClose: () => void; children: ReactNode }) {
  const panel = useRef<HTMLDivElement>(null);
  // Kept in refs so the mount/unmount effect runs once, with the latest values.
  const restore = useRef(returnTo);
  useEffect(() => {
    restore.current = returnTo;
  }, [returnTo]);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const root = panel.current;
    root?.scrollIntoView({ block: "nearest" });
    (root?.querySelector<HTMLElement>(FOCUSABLE) ?? root)?.focus();
    return () => {
      const back = opener?.isConnected ? opener : restore.current();
      back?.focus();
    };
  }, []);

  return (
    <div
      ref={panel}
      className="queue-item__edit"
      role="group"
      aria-label={label}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      {children}
    </div>
  );
}
