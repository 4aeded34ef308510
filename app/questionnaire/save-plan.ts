import type { StoredAnswers } from "../../db/repositories/answers";
import { answerKeyOf, pageQuestions, type PageDef } from "./section-types";

export type SavePlan = {
  set: Record<string, unknown>;
  clear: string[];
  /** Groups whose answers this save would delete: ask people to confirm first. */
  removes?: { names: string[]; answerCount: number };
};

/**
 * Turns a page's validated values into the changes to store: each answer under its key, blank
 * optional answers cleared, new list items given ids, and whatever else the page's own rules
 * change. `newItemId` makes an id from a prefix (random in the app; fixed in tests).
 */
export function planSave(
  page: PageDef,
  values: Record<string, unknown>,
  stored: StoredAnswers,
  newItemId: (prefix: string) => string,
): SavePlan {
  const withIds: Record<string, unknown> = { ...values };
  for (const question of pageQuestions(page)) {
    const value = withIds[question.id];
    if (question.kind !== "repeating" || !Array.isArray(value)) continue;
    // An item keeps its id only if the server gave it that id before: a posted id that is not
    // in the stored list (made up, or another list's) gets a new one, so nobody chooses ids.
    const issued = storedItemIds(stored[answerKeyOf(page, question.id)]);
    withIds[question.id] = value.map((item: Record<string, unknown>) =>
      typeof item.id === "string" && issued.has(item.id) ? item : { ...item, id: newItemId(question.idPrefix) },
    );
  }
  const set: Record<string, unknown> = {};
  const clear: string[] = [];
  for (const question of pageQuestions(page)) {
    const key = answerKeyOf(page, question.id);
    const value = withIds[question.id];
    if (value === undefined) clear.push(key);
    else set[key] = value;
  }
  const effects = page.onSave?.(withIds, stored) ?? {};
  Object.assign(set, effects.set ?? {});
  for (const key of effects.clear ?? []) {
    if (!(key in set)) clear.push(key);
  }
  return { set, clear: [...new Set(clear)], removes: effects.removes };
}

function storedItemIds(stored: unknown): Set<string> {
  if (!Array.isArray(stored)) return new Set();
  return new Set(
    stored.flatMap((item: unknown) =>
      typeof item === "object" && item !== null && typeof (item as { id?: unknown }).id === "string"
        ? [(item as { id: string }).id]
        : [],
    ),
  );
}
