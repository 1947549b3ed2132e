import { stripBoilerplate } from "./analysis/boilerplate";

/** Navigation, promos, tag lists and reader comments removed; headline first. */
export function stripPageFurniture(raw: string): string {
  return stripBoilerplate(raw);
}
