import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { QuestionPage, questionPageHandle } from "../components/question-page";
import { privatePageHeaders } from "../http";
import { questionPageAction, questionPageLoader } from "../question-page.server";
import { engagementModelSection } from "../questionnaire/sections/engagement-model";

// Each section has its own route so the browser loads only this section's questions.
export const headers = privatePageHeaders;
export const handle = questionPageHandle;

export function loader(args: LoaderFunctionArgs) {
  return questionPageLoader(args, "engagement-model");
}

export function action(args: ActionFunctionArgs) {
  return questionPageAction(args, "engagement-model");
}

export default function Page() {
  return <QuestionPage section={engagementModelSection} />;
}
