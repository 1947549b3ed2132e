import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  // Only same-site paths: an open redirect would let a link send an editor anywhere.
  const next = safeRedirectPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="auth-card card">
      <h1>Editor sign-in</h1>
      <p className="muted">Readers need no account. Editors sign in to review and publish claims.</p>
      <SignInForm next={next} />
    </div>
  );
}
