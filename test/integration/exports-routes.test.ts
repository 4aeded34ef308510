/**
 * The download routes under the private link, called as Remix calls them, against a real
 * database: status, headers, the file, and no trace of the private link in any byte.
 */
import { strFromU8, unzipSync } from "fflate";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { hashAccessToken, newAccessToken } from "../../app/assessment-access.server";
import { db } from "../../app/db.server";
import { AnswersDataSchema } from "../../app/exports/answers-export.server";
import { ReportDataSchema } from "../../app/exports/report-data.server";
import { SECTIONS } from "../../app/questionnaire/questionnaire";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import * as answersCsvRoute from "../../app/routes/a.$token.answers[.]csv";
import * as answersJsonRoute from "../../app/routes/a.$token.answers[.]json";
import * as reportRoute from "../../app/routes/a.$token.report";
import * as reportDocxRoute from "../../app/routes/a.$token.report[.]docx";
import * as reportJsonRoute from "../../app/routes/a.$token.report[.]json";
import * as readOnlyDocxRoute from "../../app/routes/r.$token.report[.]docx";
import * as readOnlyJsonRoute from "../../app/routes/r.$token.report[.]json";
import { requireRespondent } from "../../app/assessment-access.server";
import { createReportLinkFor, newlyCreatedReportLink } from "../../app/links/report-links.server";
import { revokeReportLink } from "../../db/repositories/links";
import { saveAnswers } from "../../db/repositories/answers";
import { createAssessment, markSubmitted } from "../../db/repositories/assessments";
import { setSectionCompleted } from "../../db/repositories/section-progress";
import { RURAL_COUNCIL } from "../fixtures/example-organisations";
import { loaderArgs } from "../support/route-helpers";

const ROUTES = {
  "report.docx": reportDocxRoute,
  "report.json": reportJsonRoute,
  "answers.csv": answersCsvRoute,
  "answers.json": answersJsonRoute,
} as const;
type FileName = keyof typeof ROUTES;

const CONTENT_TYPES: Record<FileName, RegExp> = {
  "report.docx": /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/,
  "report.json": /^application\/json; charset=utf-8$/,
  "answers.csv": /^text\/csv; charset=utf-8/,
  "answers.json": /^application\/json; charset=utf-8$/,
};

let finished = "";
let unfinished = "";
let finishedIds: Awaited<ReturnType<typeof createAssessment>>;

async function newAssessment(): Promise<{ token: string; ids: Awaited<ReturnType<typeof createAssessment>> }> {
  const token = newAccessToken();
  const ids = await createAssessment(db, { accessTokenHash: hashAccessToken(token), questionnaireVersion: "2026-12" });
  return { token, ids };
}

beforeAll(async () => {
  const done = await newAssessment();
  finished = done.token;
  finishedIds = done.ids;
  await saveAnswers(db, {
    ...done.ids,
    set: storedAnswersFrom(RURAL_COUNCIL.answers),
    clear: [],
    organisationName: RURAL_COUNCIL.answers.organisation.orgName,
  });
  for (const section of SECTIONS) {
    await setSectionCompleted(db, { respondentId: done.ids.respondentId, sectionId: section.id, completed: true });
  }
  await markSubmitted(db, { respondentId: done.ids.respondentId, name: "Aroha Ngata" });

  const started = await newAssessment();
  unfinished = started.token;
  await saveAnswers(db, {
    ...started.ids,
    set: { orgName: "Half-done Council", orgType: "council" },
    clear: [],
    organisationName: "Half-done Council",
  });
});

async function download(file: FileName, token: string): Promise<Response> {
  const args = loaderArgs(`/a/${token}/${file}`, { token });
  try {
    return await ROUTES[file].loader(args);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Every byte a reader could get at: the file itself, and for a Word file each part unzipped. */
function readableText(file: FileName, body: Uint8Array): string {
  if (file !== "report.docx") return Buffer.from(body).toString("utf8");
  return Object.values(unzipSync(body))
    .map((part) => strFromU8(part, true))
    .join("\n");
}

describe("downloads of a finished assessment", () => {
  for (const file of Object.keys(ROUTES) as FileName[]) {
    it(`serves ${file} with the right headers and no trace of the private link`, async () => {
      const response = await download(file, finished);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(CONTENT_TYPES[file]);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.get("X-Robots-Tag")).toMatch(/noindex/);
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      const disposition = response.headers.get("Content-Disposition") ?? "";
      expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9.-]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? "")).toContain("Pūriri Valley District Council");
      const body = new Uint8Array(await response.arrayBuffer());
      expect(Number(response.headers.get("Content-Length"))).toBe(body.byteLength);
      for (const text of [Buffer.from(body).toString("latin1"), readableText(file, body)]) {
        expect(text.includes(finished)).toBe(false);
        expect(text.includes(hashAccessToken(finished))).toBe(false);
        expect(text.includes(finishedIds.assessmentId)).toBe(false);
        expect(text.includes("localhost")).toBe(false);
      }
    });
  }

  it("gives the JSON files in their documented formats, sharing one export id", async () => {
    const answers = AnswersDataSchema.parse(await (await download("answers.json", finished)).json());
    const report = ReportDataSchema.parse(await (await download("report.json", finished)).json());
    expect(answers.exportId).toBe(report.exportId);
    expect(answers.exportId).toMatch(/^era-[0-9a-f]{20}$/);
    expect(answers.finished).toBe(true);
    expect(answers.completedBy).toBe("Aroha Ngata");
  });

  it("scores the same report as the report page", async () => {
    const page = (await reportRoute.loader(loaderArgs(`/a/${finished}/report`, { token: finished }))) as {
      kind: string;
      view: { report: unknown };
    };
    expect(page.kind).toBe("ready");
    const report = ReportDataSchema.parse(await (await download("report.json", finished)).json());
    const pageReport = page.view.report as {
      verdict: { band: string };
      overall: { score: number };
      meta: { assessedOn: string };
    };
    expect(report.verdict.band).toBe(pageReport.verdict.band);
    expect(report.verdict.overallScore).toBe(pageReport.overall.score);
    expect(report.assessedOn).toBe(pageReport.meta.assessedOn);
  });

  it("never serves a Word document of answers since changed", async () => {
    const before = new Uint8Array(await (await download("report.docx", finished)).arrayBuffer());
    await saveAnswers(db, { ...finishedIds, set: { orgName: "Pūriri Valley District Council (renamed)" }, clear: [] });
    const after = new Uint8Array(await (await download("report.docx", finished)).arrayBuffer());
    const text = (body: Uint8Array) => strFromU8(unzipSync(body)["word/document.xml"] ?? new Uint8Array());
    expect(text(before)).not.toContain("(renamed)");
    expect(text(after)).toContain("(renamed)");
    await saveAnswers(db, { ...finishedIds, set: { orgName: RURAL_COUNCIL.answers.organisation.orgName }, clear: [] });
  });
});

describe("downloads of an unfinished assessment", () => {
  it("serves the answers: they are the organisation's own data at any stage", async () => {
    const csv = await download("answers.csv", unfinished);
    expect(csv.status).toBe(200);
    const rows = parse(await csv.text(), { bom: true }) as string[][];
    expect(rows.find((row) => row[1] === "orgName")?.[4]).toBe("Half-done Council");
    const json = AnswersDataSchema.parse(await (await download("answers.json", unfinished)).json());
    expect(json.finished).toBe(false);
  });

  it.each(["report.docx", "report.json"] as const)(
    "sends a request for %s to the report page, which lists what is left to do",
    async (file) => {
      const response = await download(file, unfinished);
      expect(response.status).toBe(303);
      expect(response.headers.get("Location")).toBe(`/a/${unfinished}/report`);
    },
  );
});

describe("downloads from a link that does not exist", () => {
  it.each(Object.keys(ROUTES) as FileName[])(
    "send %s to the report's address, which answers Page not found",
    async (file) => {
      const token = newAccessToken();
      const response = await download(file, token);
      expect(response.status).toBe(303);
      expect(response.headers.get("Location")).toBe(`/a/${token}/report`);
      const malformed = await download(file, "not-a-token");
      expect(malformed.status).toBe(303);
    },
  );
});

describe("downloads through a read-only link", () => {
  const READ_ONLY = { "report.docx": readOnlyDocxRoute, "report.json": readOnlyJsonRoute } as const;

  async function readOnly(file: keyof typeof READ_ONLY, token: string): Promise<Response> {
    const args = loaderArgs(`/r/${token}/${file}`, { token });
    try {
      return await READ_ONLY[file].loader(args);
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("serve the report's Word document and data, with no trace of either link, until the link is revoked", async () => {
    const owner = await requireRespondent(finished);
    const linkId = await createReportLinkFor(owner, finished, "Board papers");
    const created = await newlyCreatedReportLink(owner, finished, linkId);
    const readToken = created?.token ?? "";
    expect(readToken).not.toBe("");
    for (const file of Object.keys(READ_ONLY) as (keyof typeof READ_ONLY)[]) {
      const response = await readOnly(file, readToken);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(CONTENT_TYPES[file]);
      const text = readableText(file, new Uint8Array(await response.arrayBuffer()));
      expect(decodeURIComponent(response.headers.get("Content-Disposition")?.split("UTF-8''")[1] ?? "")).toContain(
        "Pūriri Valley District Council",
      );
      expect(text).not.toContain(finished);
      expect(text).not.toContain(readToken);
      // The same file as the owner's download (the report JSON differs only in when it was made).
      if (file === "report.docx") {
        const own = new Uint8Array(await (await download("report.docx", finished)).arrayBuffer());
        const part = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"] ?? new Uint8Array());
        expect(part(new Uint8Array(await (await readOnly(file, readToken)).arrayBuffer()))).toBe(part(own));
      }
      if (file === "report.json") {
        const own = JSON.parse(await (await download("report.json", finished)).text()) as Record<string, unknown>;
        const shared = JSON.parse(text) as Record<string, unknown>;
        expect({ ...shared, generatedAt: "" }).toEqual({ ...own, generatedAt: "" });
      }
    }
    expect(await revokeReportLink(db, { assessmentId: owner.assessmentId, linkId })).toBe(true);
    for (const file of Object.keys(READ_ONLY) as (keyof typeof READ_ONLY)[]) {
      const response = await readOnly(file, readToken);
      expect(response.status).toBe(303);
      expect(response.headers.get("Location")).toBe(`/r/${readToken}`);
    }
  });

  it("offer no answer files", async () => {
    const { readOnlyExportPaths } = await import("../../app/exports/export-paths");
    expect(Object.keys(readOnlyExportPaths("x")).sort()).toEqual(["report-docx", "report-json"]);
  });
});
