import type { Metadata } from "next";
import { requireEditor } from "@/lib/auth";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireEditor("/editor/account");
  return (
    <>
      <h1>Your account</h1>
      <p className="muted">
        Signed in as {user.email} ({user.role}).
      </p>
      <section className="section card" style={{ maxWidth: 480 }}>
        <h2>Change password</h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
