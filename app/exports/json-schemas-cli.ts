// `npm run schemas`: writes the JSON Schema files of the JSON exports into docs/.
import { writeFileSync } from "node:fs";
import { jsonSchemaText, SCHEMA_FILES } from "./json-schemas.server";

for (const file of Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[]) {
  writeFileSync(file, jsonSchemaText(file));
  console.log(`Wrote ${file}`);
}
