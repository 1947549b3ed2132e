/**
 * Prints, as JSON, what an import stored for one outlet. Run as its own process
 * by tests that must not open an embedded database another process may hold.
 *   tsx --conditions=react-server tests/support/import-counts.ts "Outlet name"
 */
import { database, prisma } from "../../lib/db";

const outletName = process.argv[2];
const outlet = await prisma.outlet.findFirst({ where: { name: outletName }, select: { id: true } });
const articles = await prisma.article.findMany({
  where: { outletId: outlet?.id ?? "none" },
  select: { id: true, title: true, _count: { select: { quotes: true } } },
});
const audited = await prisma.auditEvent.count({ where: { action: "import", entityId: { in: articles.map((a) => a.id) } } });
console.log(
  JSON.stringify({
    articles: articles.length,
    distinctTitles: new Set(articles.map((a) => a.title)).size,
    audited,
    withoutQuotes: articles.filter((a) => a._count.quotes === 0).length,
  }),
);
await database.close();
