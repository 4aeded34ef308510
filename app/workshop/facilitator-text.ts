/**
 * Sentences of the live facilitator view that the browser also needs (after each update), kept
 * apart from the view model so the page's script stays small.
 */
import type { Progress } from "./facilitator";

/** "5 of 7 have finished". */
export function finishedSentence(counts: Progress["counts"]): string {
  if (counts.total === 0) return "Nobody has joined yet";
  if (counts.finished === counts.total) {
    return counts.total === 1 ? "The only participant has finished" : `All ${counts.total} have finished`;
  }
  return `${counts.finished} of ${counts.total} ${counts.total === 1 ? "has" : "have"} finished`;
}

/** What the live view tells screen readers after an update: "Updated: Sam finished". */
export function describeChanges(
  before: Pick<Progress, "current" | "removed">,
  after: Pick<Progress, "current" | "removed">,
): string {
  const was = new Map(before.current.map((p) => [p.id, p]));
  const wasRemoved = new Set(before.removed.map((p) => p.id));
  const parts: string[] = [];
  let newAnswers = 0;
  for (const person of after.current) {
    const earlier = was.get(person.id);
    if (!earlier) {
      parts.push(`${person.name} joined`);
      continue;
    }
    if (earlier.status !== "finished" && person.status === "finished") parts.push(`${person.name} finished`);
    else if (earlier.status === "not-started" && person.status === "answering") parts.push(`${person.name} started`);
    else if (person.answerCount > earlier.answerCount) newAnswers += person.answerCount - earlier.answerCount;
  }
  for (const person of after.removed) if (!wasRemoved.has(person.id)) parts.push(`${person.name} was removed`);
  if (newAnswers > 0) parts.push(newAnswers === 1 ? "1 new answer" : `${newAnswers} new answers`);
  return parts.length > 0 ? `Updated: ${parts.join(", ")}` : "Updated";
}
