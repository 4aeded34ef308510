/**
 * What the suggested stakeholder groups are called: as a name (a heading, a table row, the start
 * of a sentence) and mid-sentence ("Start by informing local businesses"). The wizard offers the
 * same names, so a report never calls a group something the form did not.
 */
import type { SuggestedGroup, StakeholderGroup } from "./answers";

export const SUGGESTED_GROUP_NAMES: Readonly<Record<SuggestedGroup, { label: string; phrase: string }>> = {
  residents: { label: "Residents", phrase: "residents" },
  businesses: { label: "Local businesses", phrase: "local businesses" },
  "elected-members": { label: "Elected members", phrase: "elected members" },
  "senior-officials": { label: "Senior officials", phrase: "senior officials" },
  board: { label: "Board members", phrase: "board members" },
  media: { label: "News media", phrase: "the news media" },
  "community-groups": { label: "Community groups", phrase: "community groups" },
  "advocacy-groups": { label: "Advocacy and campaign groups", phrase: "advocacy and campaign groups" },
  "citizen-journalists": {
    label: "Citizen journalists and local commentators",
    phrase: "citizen journalists and local commentators",
  },
  staff: { label: "Your own staff", phrase: "your own staff" },
};

/**
 * How to name a group mid-sentence: the suggested group's own phrase when it still has its
 * suggested name, otherwise the name as the organisation typed it (a proper name keeps its case).
 */
export function groupPhrase(group: Pick<StakeholderGroup, "kind" | "name">): string {
  if (group.kind === "custom") return group.name;
  const wording = SUGGESTED_GROUP_NAMES[group.kind];
  return group.name === wording.label ? wording.phrase : group.name;
}
