import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { QuestionPage, questionPageHandle } from "../components/question-page";
import { RepeatingField } from "../components/repeating-field";
import { privatePageHeaders } from "../http";
import { questionPageAction, questionPageLoader } from "../question-page.server";
import { stakeholdersSection } from "../questionnaire/sections/stakeholders";

// Each section has its own route so the browser loads only this section's questions.
export const headers = privatePageHeaders;
export const handle = questionPageHandle;

export function loader(args: LoaderFunctionArgs) {
  return questionPageLoader(args, "stakeholders");
}

export function action(args: ActionFunctionArgs) {
  return questionPageAction(args, "stakeholders");
}

export default function Page() {
  return <QuestionPage section={stakeholdersSection} RepeatingField={RepeatingField} />;
}
