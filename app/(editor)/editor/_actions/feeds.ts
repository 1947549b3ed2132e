"use server";

import { action } from "@/lib/action";
import { requestFeedCheck } from "@/lib/feed-polling";
import { addFeed, editFeed, setFeedActive } from "@/lib/feeds";
import { feedActiveSchema, feedCheckSchema, feedCreateSchema, feedEditSchema } from "@/lib/validation/feed";

export const addFeedAction = action(feedCreateSchema, async (input, user) => ({ id: await addFeed({ ...input, actorId: user.id }) }));

export const editFeedAction = action(feedEditSchema, (input, user) => editFeed(user.id, input));

export const setFeedActiveAction = action(feedActiveSchema, (input, user) => setFeedActive(user.id, input));

export const checkFeedAction = action(feedCheckSchema, async (input) => {
  await requestFeedCheck(input.id);
  return {};
});
