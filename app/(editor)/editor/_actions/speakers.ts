"use server";

import { action } from "@/lib/action";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { editSpeaker, mergeSpeakers } from "@/lib/speakers";
import { editSpeakerSchema, mergeSpeakersSchema } from "@/lib/validation/speaker";

export const editSpeakerAction = action(editSpeakerSchema, async (input, user) => {
  const { version, ...touched } = await editSpeaker(user.id, input);
  await purgeAfterWrite(touched);
  return { version };
});

export const mergeSpeakersAction = action(mergeSpeakersSchema, async (input, user) => {
  const { id, moved, ...touched } = await mergeSpeakers(user.id, input);
  await purgeAfterWrite(touched);
  return { id, moved };
});
