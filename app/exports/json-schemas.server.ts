/**
 * The JSON Schema files of the two JSON exports, generated from their zod schemas with zod 4's
 * `z.toJSONSchema`, so the published schema and the code that writes the files cannot drift apart.
 * `npm run schemas` writes them to docs/; a test fails when a checked-in file is out of date.
 */
import { z } from "zod";
import { ANSWERS_DATA_SCHEMA_ID, ANSWERS_DATA_VERSION, AnswersDataSchema } from "./answers-export.server";
import { REPORT_DATA_SCHEMA_ID, REPORT_DATA_VERSION, ReportDataSchema } from "./report-data.server";

export const SCHEMA_FILES = {
  "docs/report-data.schema.json": { schema: ReportDataSchema, id: REPORT_DATA_SCHEMA_ID, version: REPORT_DATA_VERSION },
  "docs/answers-data.schema.json": {
    schema: AnswersDataSchema,
    id: ANSWERS_DATA_SCHEMA_ID,
    version: ANSWERS_DATA_VERSION,
  },
} as const;

/** A schema file's text: JSON Schema (draft 2020-12) with an id naming the format and its version. */
export function jsonSchemaText(file: keyof typeof SCHEMA_FILES): string {
  const { schema, id, version } = SCHEMA_FILES[file];
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12" });
  const withId = { $id: `urn:${id.replace("/", ":")}:${version}`, ...generated };
  return `${JSON.stringify(withId, null, 2)}\n`;
}
