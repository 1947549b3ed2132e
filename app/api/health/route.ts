import { pingDatabase } from "@/lib/startup";

// For load balancers and start-up scripts: 200 once the database answers.
export async function GET() {
  await pingDatabase();
  return Response.json({ ok: true });
}
