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

/**
 * Routes other than the public channels for groups the organisation deals with directly: its
 * elected members, board, senior officials, own staff and the news media. For them, holding the
 * public channels back changes nothing about how they are reached, and pointing them to the front
 * counter would be absurd. Null for the public, whom `Vocabulary.otherRoutes` serves.
 */
export function directRoutes(group: Pick<StakeholderGroup, "kind">): string | null {
  switch (group.kind) {
    case "elected-members":
    case "senior-officials":
    case "board":
      return "briefings, meetings and direct contact";
    case "staff":
      return "team meetings, the intranet and their managers";
    case "media":
      return "media briefings and direct contact with your communications team";
    default:
      return null;
  }
}
