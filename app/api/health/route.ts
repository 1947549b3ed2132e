import { prisma } from "@/lib/db";

// For load balancers and start-up scripts: 200 once the database answers.
export async function GET() {
  await prisma.$queryRaw`SELECT 1`;
  return Response.json({ ok: true });
}
