import type { Metadata } from "next";
import { CreateUserForm, UserRowActions } from "@/app/(editor)/editor/admin/_components/user-admin";
import { requireAdmin } from "@/lib/auth";
import { listEditors } from "@/lib/users";

export const metadata: Metadata = { title: "Accounts" };

const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export default async function AdminPage() {
  const me = await requireAdmin("/editor/admin");
  const users = await listEditors();
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Accounts</h1>
          <p className="lede">Create editor accounts, deactivate them (their sessions end at once) and reset passwords.</p>
        </div>
      </div>
      <div className="claim-grid">
        <div className="table-wrap">
          <table className="table" aria-label="Accounts">
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Status</th>
                <th>Last active</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <strong>{u.name}</strong>
                    {u.id === me.id && <span className="muted small"> (you)</span>}
                    <div className="small muted">{u.email}</div>
                  </td>
                  <td>{u.role === "admin" ? <span className="badge badge--accent">admin</span> : "editor"}</td>
                  <td>{u.banned ? <span className="badge badge--danger">deactivated</span> : <span className="badge badge--ok">active</span>}</td>
                  <td className="small">
                    {u.sessions[0] ? when.format(u.sessions[0].updatedAt) : <span className="muted">not signed in</span>}
                    {u._count.sessions > 0 && <div className="muted">{u._count.sessions} {u._count.sessions === 1 ? "session" : "sessions"}</div>}
                  </td>
                  <td>
                    <UserRowActions user={{ id: u.id, name: u.name, banned: Boolean(u.banned) }} self={u.id === me.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <aside className="card">
          <h2>New account</h2>
          <CreateUserForm />
        </aside>
      </div>
    </>
  );
}
