/**
 * The words a report generates, with everything the organisation typed itself masked out, so a
 * test can ask "does the report call this revenue office's work 'bins'?" without being fooled by
 * a group the organisation named "Bin collection users".
 */
import type { AssessmentAnswers } from "../../scoring/answers";
import type { ReadinessReport } from "../../scoring/report-model";

/** Every string in a value, depth first, with its path. */
export function stringsIn(value: unknown, path = "report"): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}[${index}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`));
  }
  return [];
}

/** Everything the organisation typed: names, reasons, expectations, objectives, "other" texts. */
export function typedTexts(answers: AssessmentAnswers): string[] {
  const { organisation, stakeholders, commitment } = answers;
  const texts = [
    organisation.orgName,
    organisation.orgTypeOther,
    organisation.channelsOther,
    organisation.emergencyServicesOther,
    organisation.contentiousTopicsOther,
    stakeholders.purposesOther,
    ...Object.values(stakeholders.purposeReasons),
    ...stakeholders.groups.flatMap((group) => [group.name, group.why, group.expectations]),
    ...stakeholders.projects.map((project) => project.name),
    ...commitment.objectives.flatMap((objective) => [objective.objective, objective.measure]),
    commitment.sponsorRole,
  ];
  return [
    ...new Set(
      texts
        .map((text) => (text ?? "").replace(/\s+/g, " ").trim())
        // NOTE: very short texts ("2", "A") would mask ordinary words and numbers; they cannot
        // carry a misfitting phrase anyway.
        .filter((text) => text.length >= 3),
    ),
  ].sort((a, b) => b.length - a.length);
}

/**
 * The report's generated wording (the method appendix excluded: it describes the method, the
 * same for everyone), with the organisation's own words replaced by "«typed»".
 */
export function generatedText(report: ReadinessReport, answers: AssessmentAnswers): { path: string; text: string }[] {
  const typed = typedTexts(answers);
  const { method: _method, ...rest } = report;
  // One pattern for every typed text, longest first, so each string is scanned once.
  const pattern =
    typed.length > 0
      ? new RegExp(typed.map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g")
      : null;
  return stringsIn(rest).map(({ path, text }) => ({ path, text: pattern ? text.replace(pattern, "«typed»") : text }));
}

/** Whether `phrase` appears in `text` as whole words, ignoring case. */
export function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "iu").test(text);
}
