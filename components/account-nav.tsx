"use client";
import Link from "next/link";
import { authClient } from "@/lib/auth-client";

/**
 * The header's account links. Client-side so that the root layout reads no
 * request data: reader pages can then be cached whole and served to everyone,
 * and only this island knows who is signed in.
 */
export function AccountNav() {
  const { data } = authClient.useSession();
  if (!data?.user) return <Link href="/sign-in">Editor sign-in</Link>;
  return (
    <>
      <Link href="/editor">Editor</Link>
      <span className="muted small">{data.user.name}</span>
    </>
  );
}
