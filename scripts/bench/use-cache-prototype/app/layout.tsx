// The app's own stylesheet (a copy of app/globals.css): the static file both servers are measured against.
import "./globals.css";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (<html lang="en"><body>{children}</body></html>);
}
