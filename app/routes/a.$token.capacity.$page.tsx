import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { QuestionPage, questionPageHandle } from "../components/question-page";
import { privatePageHeaders } from "../http";
import { questionPageAction, questionPageLoader } from "../question-page.server";
import { capacitySection } from "../questionnaire/sections/capacity";

// Each section has its own route so the browser loads only this section's questions.
export const headers = privatePageHeaders;
export const handle = questionPageHandle;

export function loader(args: LoaderFunctionArgs) {
  return questionPageLoader(args, "capacity");
}

export function action(args: ActionFunctionArgs) {
  return questionPageAction(args, "capacity");
}

export default function Page() {
  return <QuestionPage section={capacitySection} />;
}
