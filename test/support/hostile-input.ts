/**
 * What people might type that could break an export: the hostile inputs of
 * `test/integration/pdf-hostile-input.test.ts` (markup, emoji, right-to-left scripts, a
 * 2,000-character word), plus what attacks spreadsheets (formulas) and XML (control characters).
 */
import type { AssessmentAnswers } from "../../scoring/answers";

export const MARKUP = "<script>alert(1)</script>";
export const ARABIC = "مجلس مدينة الرياض";
export const HEBREW = "עיריית תל אביב";
export const LONG_WORD = "A".repeat(2000);
export const EMOJI = "🙂🏛️ 👨‍👩‍👧 🇳🇿";
export const FORMULA = '=HYPERLINK("http://example.invalid","Click")';
export const CONTROL = "Nasty\u0000\u0007 name\u202E reversed\u202C";

/** One string with every kind of hostile input in it. */
export const HOSTILE = `${MARKUP} ${EMOJI} ${ARABIC} ${HEBREW} "quoted", comma ${LONG_WORD}`;

/** An example's answers with hostile text in the name, a purpose's reason and the first group's answers. */
export function hostileAnswers(base: AssessmentAnswers): AssessmentAnswers {
  const [first, ...others] = base.stakeholders.groups;
  if (!first) throw new Error("fixture has no groups");
  return {
    ...base,
    organisation: { ...base.organisation, orgName: `${MARKUP} Te Kaunihera 🙂 ${ARABIC} ${LONG_WORD}` },
    stakeholders: {
      ...base.stakeholders,
      purposeReasons: { ...base.stakeholders.purposeReasons, share: `${FORMULA}\n${HOSTILE}` },
      groups: [{ ...first, why: HOSTILE, expectations: `@SUM(1+1)\n+cmd|' /C calc'!A0 ${HOSTILE}` }, ...others],
    },
  };
}
