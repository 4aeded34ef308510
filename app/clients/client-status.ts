/**
 * How a client's assessment is described in lists: plain words for where it has got to and who
 * ran it. Shared by the client list and the client's page.
 */
import type { AssessmentProgress, RunBy } from "../../db/repositories/clients";
import { longDate } from "../report/report-wording";

export type StatusTag = { text: string; colour: "grey" | "blue" | "green"; detail: string | null };

/** "Not started"; "In progress" with "3 of 6 sections done"; "Finished" with its date. */
export function describeProgress(progress: AssessmentProgress, sectionCount: number): StatusTag {
  switch (progress.kind) {
    case "not-started":
      return { text: "Not started", colour: "grey", detail: null };
    case "in-progress":
      return {
        text: "In progress",
        colour: "blue",
        detail: `${Math.min(progress.sectionsDone, sectionCount)} of ${sectionCount} sections done`,
      };
    case "finished":
      return { text: "Finished", colour: "green", detail: `on ${longDate(progress.finishedAt)}` };
  }
}

/** "Aroha Ngata"; "Their executive, then Aroha Ngata" for one taken over; "A former member". */
export function describeRunBy(runBy: RunBy): string {
  switch (runBy.kind) {
    case "member":
      return runBy.displayName;
    case "taken-over":
      return `Their executive, then ${runBy.displayName ?? "a former member"}`;
    case "former-member":
      return "A former member";
  }
}
