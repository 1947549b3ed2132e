import "./reader.css";

/** Reader pages: their own stylesheet on top of the shared design tokens. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return children;
}
