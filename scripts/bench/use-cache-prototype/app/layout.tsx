// The app's own stylesheet (app/globals.css, copied in by run.sh): the static file both servers are measured against.
import "./globals.css";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (<html lang="en"><body>{children}</body></html>);
}
