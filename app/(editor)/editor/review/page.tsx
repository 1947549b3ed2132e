import type { Metadata } from "next";
import { ReviewQueue } from "@/app/(editor)/editor/review/_components/review-queue";
import { requireEditor } from "@/lib/auth";
import { listClaimOptions } from "@/lib/claim-edits";
import { listSpeakerOptions } from "@/lib/quotes";
import { getReviewFilterOptions, listReviewQueue } from "@/lib/review-queue";
import { reviewQueueFilterSchema } from "@/lib/validation/quote";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireEditor("/editor/review");
  const raw = await searchParams;
  const filter = reviewQueueFilterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [queue, options, claims, speakers] = await Promise.all([
    listReviewQueue(filter),
    getReviewFilterOptions(),
    listClaimOptions(),
    listSpeakerOptions(),
  ]);
  return (
    <ReviewQueue
      filter={filter}
      total={queue.total}
      pages={queue.pages}
      quotes={queue.quotes}
      outlets={options.outlets}
      speakerFilters={options.speakers}
      claims={claims}
      speakers={speakers}
    />
  );
}
