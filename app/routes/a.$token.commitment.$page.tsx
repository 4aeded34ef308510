import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { QuestionPage, questionPageHandle } from "../components/question-page";
import { RepeatingField } from "../components/repeating-field";
import { privatePageHeaders } from "../http";
import { questionPageAction, questionPageLoader } from "../question-page.server";
import { commitmentSection } from "../questionnaire/sections/commitment";

// Each section has its own route so the browser loads only this section's questions.
export const headers = privatePageHeaders;
export const handle = questionPageHandle;

export function loader(args: LoaderFunctionArgs) {
  return questionPageLoader(args, "commitment");
}

export function action(args: ActionFunctionArgs) {
  return questionPageAction(args, "commitment");
}

export default function Page() {
  return <QuestionPage section={commitmentSection} RepeatingField={RepeatingField} />;
}
