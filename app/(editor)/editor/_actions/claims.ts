"use server";

import { action } from "@/lib/action";
import { createClaim, editClaim, mergeClaims, setClaimStatus, splitClaim } from "@/lib/claim-edits";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { saveRating } from "@/lib/ratings";
import { claimEditSchema, claimStatusSchema, createClaimSchema, mergeClaimsSchema, splitClaimSchema } from "@/lib/validation/claim";
import { ratingSchema } from "@/lib/validation/rating";

export const createClaimAction = action(createClaimSchema, async (input, user) => {
  const { id, ...touched } = await createClaim(user.id, input);
  await purgeAfterWrite(touched);
  return { id };
});

export const editClaimAction = action(claimEditSchema, async (input, user) => {
  const { version, ...touched } = await editClaim(user.id, input);
  await purgeAfterWrite(touched);
  return { version };
});

export const setClaimStatusAction = action(claimStatusSchema, async (input, user) => {
  const { version, ...touched } = await setClaimStatus(user.id, input);
  await purgeAfterWrite(touched);
  return { version };
});

export const mergeClaimsAction = action(mergeClaimsSchema, async (input, user) => {
  const { id, ...touched } = await mergeClaims(user.id, input);
  await purgeAfterWrite(touched);
  return { id };
});

export const splitClaimAction = action(splitClaimSchema, async (input, user) => {
  const { id, ...touched } = await splitClaim(user.id, input);
  await purgeAfterWrite(touched);
  return { id };
});

export const saveRatingAction = action(ratingSchema, async (input, user) => {
  const { version, ...touched } = await saveRating(user.id, input);
  await purgeAfterWrite(touched);
  return { version };
});
