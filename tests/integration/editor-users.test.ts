import { beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/errors";
import { auth } from "@/lib/better-auth";
import { migrateDatabase, prisma } from "@/lib/db";
import { createEditor, listEditors, resetEditorPassword, setEditorActive } from "@/lib/users";
import { createUser } from "../support/factories";

/** Signs in through better-auth and returns request headers carrying the session cookie. */
async function signInHeaders(email: string, password: string): Promise<Headers> {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return new Headers({ cookie });
}

let adminId: string;
let adminHeaders: Headers;

beforeAll(async () => {
  await migrateDatabase();
  const admin = await createUser({ role: "admin", password: "admin-password-1" });
  adminId = admin.id;
  adminHeaders = await signInHeaders(admin.email, "admin-password-1");
});

describe(`accounts (${process.env.TEST_DB})`, () => {
  it("creates an editor who can sign in; a duplicate email is refused", async () => {
    const email = `new-${Date.now()}@claimscope.test`;
    const { id } = await createEditor(adminHeaders, adminId, { name: "New Editor", email, password: "first-password-1", role: "editor" });
    const row = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ role: "editor", email, banned: false });
    await signInHeaders(email, "first-password-1");
    await expect(createEditor(adminHeaders, adminId, { name: "Again", email, password: "first-password-1", role: "editor" })).rejects.toBeInstanceOf(ActionError);
    expect((await listEditors()).some((u) => u.id === id)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { entityType: "user", entityId: id, action: "create" } })).toBe(1);
  });

  it("deactivating ends the editor's sessions at once; reactivating lets them sign in again", async () => {
    const editor = await createUser({ password: "editor-password-1" });
    const editorHeaders = await signInHeaders(editor.email, "editor-password-1");
    expect((await auth.api.getSession({ headers: editorHeaders }))?.user.id).toBe(editor.id);

    await setEditorActive(adminHeaders, adminId, { userId: editor.id, active: false });
    // The very next request with their cookie has no session.
    expect(await auth.api.getSession({ headers: editorHeaders })).toBeNull();
    expect(await prisma.session.count({ where: { userId: editor.id } })).toBe(0);
    await expect(auth.api.signInEmail({ body: { email: editor.email, password: "editor-password-1" } })).rejects.toThrow();

    await setEditorActive(adminHeaders, adminId, { userId: editor.id, active: true });
    await signInHeaders(editor.email, "editor-password-1");
  });

  it("an admin cannot deactivate themself", async () => {
    await expect(setEditorActive(adminHeaders, adminId, { userId: adminId, active: false })).rejects.toBeInstanceOf(ActionError);
  });

  it("resets a password: the old one stops working and sessions end", async () => {
    const editor = await createUser({ password: "old-password-1" });
    const editorHeaders = await signInHeaders(editor.email, "old-password-1");
    await resetEditorPassword(adminHeaders, adminId, { userId: editor.id, password: "new-password-1" });
    expect(await auth.api.getSession({ headers: editorHeaders })).toBeNull();
    await expect(auth.api.signInEmail({ body: { email: editor.email, password: "old-password-1" } })).rejects.toThrow();
    await signInHeaders(editor.email, "new-password-1");
  });

  it("refuses these operations to an editor's session", async () => {
    const editor = await createUser({ password: "plain-editor-1" });
    const other = await createUser();
    const editorHeaders = await signInHeaders(editor.email, "plain-editor-1");
    await expect(setEditorActive(editorHeaders, editor.id, { userId: other.id, active: false })).rejects.toBeInstanceOf(ActionError);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).banned).not.toBe(true);
  });
});
