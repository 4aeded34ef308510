// `npm run db:copy -- --from <database URL> --to <database URL>`: copies every table from one
// database to another, empty one, in one transaction, and checks the row counts. For moving a
// deployment from its SQLite file to PostgreSQL (README, "Running on PostgreSQL"). Stop the app
// first, so that nothing saved meanwhile is left behind in the old database.
import { parseArgs } from "node:util";
import { describeDatabase, parseDatabaseUrl } from "./connection";
import { copyDatabase, CopyRefusedError } from "./copy";
import { loadEnvFile } from "./env";

const USAGE =
  "Usage: npm run db:copy -- --from <database URL> --to <database URL>\n" +
  "  for example: npm run db:copy -- --from file:./data/engagement-readiness.sqlite --to postgres://readiness@db.internal/readiness";

loadEnvFile();
try {
  const { values } = parseArgs({
    options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
  } else {
    if (!values.from || !values.to)
      throw new CopyRefusedError(`Say which database to copy from and which to copy to.\n${USAGE}`);
    const from = describeDatabase(parseDatabaseUrl(values.from));
    const to = describeDatabase(parseDatabaseUrl(values.to));
    console.log(`Copying ${from}\n     to ${to} ...`);
    const started = Date.now();
    const result = await copyDatabase(values.from, values.to, {
      onTable: (table, rows) => console.log(`  ${table.padEnd(18)} ${String(rows).padStart(8)} rows`),
    });
    const total = result.reduce((sum, { rows }) => sum + rows, 0);
    console.log(
      `Copied ${total} rows in ${((Date.now() - started) / 1000).toFixed(1)} s; every table's row count matches. Point DATABASE_URL at ${to} and start the app.`,
    );
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) console.error(`${message}\n${USAGE}`);
  else if (error instanceof CopyRefusedError) console.error(message);
  else console.error(`The copy failed, and no data was written: ${message}`);
  process.exitCode = 1;
}
