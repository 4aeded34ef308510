import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { hashAccessToken, newAccessToken } from "../../app/assessment-access.server";
import { db } from "../../app/db.server";
import { dontKnowField } from "../../app/questionnaire/question-types";
import { pageContext, QUESTIONNAIRE_VERSION, SECTIONS } from "../../app/questionnaire/questionnaire";
import { groupsFrom } from "../../app/questionnaire/sections/stakeholders";
import { storedAnswersFrom } from "../../app/questionnaire/stored-answers";
import {
  answerKeyOf,
  formInputFor,
  isPageValid,
  pageHasAnswer,
  pageQuestions,
} from "../../app/questionnaire/section-types";
import * as capacityRoute from "../../app/routes/a.$token.capacity.$page";
import * as checkAnswersRoute from "../../app/routes/a.$token.check-answers";
import * as checkRoute from "../../app/routes/a.$token.check.$section";
import * as commitmentRoute from "../../app/routes/a.$token.commitment.$page";
import * as engagementRoute from "../../app/routes/a.$token.engagement-model.$page";
import * as organisationRoute from "../../app/routes/a.$token.organisation.$page";
import * as stakeholdersRoute from "../../app/routes/a.$token.stakeholders.$page";
import { getAnswers, saveAnswers, type StoredAnswers } from "../../db/repositories/answers";
import { createAssessment, findRespondentByTokenHash } from "../../db/repositories/assessments";
import { SUGGESTED_GROUPS, type AssessmentAnswers } from "../../scoring/answers";
import { EXAMPLE_ORGANISATIONS, RURAL_COUNCIL } from "../fixtures/example-organisations";
import { outcome } from "../support/route-helpers";

const ROUTES = {
  organisation: organisationRoute,
  stakeholders: stakeholdersRoute,
  "engagement-model": engagementRoute,
  capacity: capacityRoute,
  commitment: commitmentRoute,
} as const;

type Target = { sectionId: keyof typeof ROUTES; pageId: string; fieldNames: string[] };

let token = "";
let respondentId = "";
let targets: Target[] = [];

/** Answers that open every follow-up page: longer cover, a volume estimate, peaks, approvals, objectives. */
function withEveryPage(answers: AssessmentAnswers): AssessmentAnswers {
  return {
    ...answers,
    capacity: {
      ...answers.capacity,
      coverHours: "extended-hours",
      coverDays: "weekdays-some-weekends",
      coverFrom: "07:30",
      coverTo: "20:00",
      volumeKnowledge: "not-sure",
      weeklyVolume: undefined,
      followers: "1k-10k",
      postingFrequency: "4-10-a-week",
      commentsPerPost: "2-10",
      peaks: ["seasonal", "incidents"],
      peakSize: "double",
      approvalNeed: "sensitive-only",
      approvalTime: "same-day",
    },
    commitment: { ...answers.commitment, objectivesSet: "yes", currency: "NZD", staffHourlyCost: 52.5 },
  };
}

beforeAll(async () => {
  token = newAccessToken();
  const ids = await createAssessment(db, {
    accessTokenHash: hashAccessToken(token),
    questionnaireVersion: QUESTIONNAIRE_VERSION,
  });
  respondentId = ids.respondentId;
  const example = EXAMPLE_ORGANISATIONS.find((candidate) => candidate.answers.commitment.objectives.length > 0);
  if (!example) throw new Error("no example");
  await saveAnswers(db, { ...ids, set: storedAnswersFrom(withEveryPage(example.answers)), clear: [] });
  const stored = await getAnswers(db, respondentId);
  const ctx = pageContext(stored);
  targets = SECTIONS.flatMap((section) =>
    section.pages(ctx).map((page) => ({
      sectionId: section.id,
      pageId: page.id,
      fieldNames: pageQuestions(page).flatMap((question) =>
        question.kind === "repeating"
          ? ["id", ...question.fields.map((field) => field.id)].flatMap((field) => [
              `${question.id}.0.${field}`,
              `${question.id}.1.${field}`,
            ])
          : question.kind === "number" && question.dontKnow
            ? [question.id, dontKnowField(question.id)]
            : [question.id],
      ),
    })),
  );
});

it("posts to every page, including those that only follow some answers", () => {
  const pages = targets.map((target) => `${target.sectionId}/${target.pageId}`);
  for (const page of [
    "capacity/team",
    "capacity/extended-cover",
    "capacity/volume-estimate",
    "capacity/question-share",
    "capacity/peaks",
    "capacity/peak-size",
    "capacity/approval-time",
    "capacity/staff-support",
    "commitment/objectives-set",
    "commitment/objectives",
    "commitment/currency",
    "commitment/budget",
    "commitment/review",
  ]) {
    expect(pages).toContain(page);
  }
  expect(targets.find((target) => target.pageId === "team")?.fieldNames).toContain("teamPeopleUnknown");
});

/** Text people would never type, and text they would: huge, empty, markup, controls, emoji, RTL. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(
    "",
    " ",
    "<script>alert(1)</script>",
    "\u0000\u0007",
    "🙂🏛️",
    "مرحبا بالعالم",
    "-1",
    "1e309",
    "NaN",
    "0x10",
    "12.5.6",
    "none",
    "other",
    "yes",
    "inform",
    "residents",
    "add:projects",
    "remove:projects:0",
    "remove:customGroups:99",
    "unknown",
    "8am",
    "24:00",
    "25:61",
    "£45.50",
    "not-yet",
    "extended-hours",
  ),
  fc.integer({ min: 1, max: 20_000 }).map((length) => "x".repeat(length)),
);

function encode(value: string): string {
  return encodeURIComponent(value);
}

/** A URL-encoded body mixing real field names, made-up ones, repeats and broken escapes. */
function hostileBody(fieldNames: readonly string[]) {
  const name = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...fieldNames) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("intent", "confirmRemoval", "__proto__", "constructor", "a.b.c", "x.9999.y"),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const pair = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(name, hostileText).map(([n, v]) => `${encode(n)}=${encode(v)}`) },
    { weight: 1, arbitrary: fc.constantFrom("%E0%A4%A", "%FF=%FE", "a=%", "=", "&&", "name") },
  );
  return fc.array(pair, { maxLength: 25 }).map((pairs) => pairs.join("&"));
}

function post(path: string, body: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

/** Every stored answer belongs to a page that exists now, and every page with answers is valid. */
function expectStoredAnswersValid(stored: StoredAnswers) {
  const ctx = pageContext(stored);
  const known = new Set<string>();
  for (const section of SECTIONS) {
    for (const page of section.pages(ctx)) {
      for (const question of pageQuestions(page)) known.add(answerKeyOf(page, question.id));
      if (pageHasAnswer(page, stored)) {
        expect(isPageValid(page, stored), `stored answers on ${section.id}/${page.id} are invalid`).toBe(true);
      }
    }
  }
  for (const key of Object.keys(stored)) expect(known.has(key), `stored answer ${key} belongs to no page`).toBe(true);
}

const ACCEPTABLE = new Set([200, 302, 303, 400, 404, 413, 415]);

/** The page's saved answers as the browser would post them. */
function currentPairs(target: Target, stored: StoredAnswers): [string, string][] {
  const section = SECTIONS.find((candidate) => candidate.id === target.sectionId);
  const page = section?.pages(pageContext(stored)).find((candidate) => candidate.id === target.pageId);
  if (!page) return [];
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(formInputFor(page, stored))) {
    if (typeof value === "string") pairs.push([name, value]);
    else if (Array.isArray(value)) {
      value.forEach((entry, index) => {
        if (typeof entry === "string") pairs.push([name, entry]);
        else
          for (const [field, fieldValue] of Object.entries(entry)) {
            for (const v of Array.isArray(fieldValue) ? fieldValue : [fieldValue ?? ""]) {
              pairs.push([`${name}.${index}.${field}`, v]);
            }
          }
      });
    }
  }
  return pairs;
}

const mutation = fc.record({
  kind: fc.constantFrom("none", "none", "drop", "replace", "duplicate", "extra", "confirm"),
  at: fc.nat(),
  value: hostileText,
});

describe("hostile and random posts to every action", () => {
  it("never cause a server error and never leave an invalid answer stored", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .nat()
          .chain((index) =>
            hostileBody(targets[index % targets.length]?.fieldNames ?? ["x"]).map((body) => ({ index, body })),
          ),
        fc.constantFrom("", "?return=check", "?return=summary", "?return=summary&added", "?return=nonsense"),
        async ({ index, body }, search) => {
          const target = targets[index % targets.length] as Target;
          const route = ROUTES[target.sectionId];
          const path = `/a/${token}/${target.sectionId}/${target.pageId}${search}`;
          const result = await outcome(() =>
            route.action({ request: post(path, body), params: { token, page: target.pageId }, context: {} }),
          );
          expect(ACCEPTABLE.has(result.status), `status ${result.status} for ${path} ${body.slice(0, 200)}`).toBe(true);
          expectStoredAnswersValid(await getAnswers(db, respondentId));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("save near-valid posts (real answers with one thing changed) and still never store anything invalid", async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, { maxLength: 3 }), async (index, mutations) => {
        const target = targets[index % targets.length] as Target;
        const pairs = currentPairs(target, await getAnswers(db, respondentId));
        for (const change of mutations) {
          const at = pairs.length > 0 ? change.at % pairs.length : 0;
          const pair = pairs[at];
          if (change.kind === "drop" && pair) pairs.splice(at, 1);
          if (change.kind === "replace" && pair) pairs[at] = [pair[0], change.value];
          if (change.kind === "duplicate" && pair) pairs.push([pair[0], change.value]);
          if (change.kind === "extra")
            pairs.push([target.fieldNames[at % target.fieldNames.length] ?? "x", change.value]);
          if (change.kind === "confirm") pairs.push(["confirmRemoval", "yes"]);
        }
        const body = pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
        const route = ROUTES[target.sectionId];
        const path = `/a/${token}/${target.sectionId}/${target.pageId}`;
        const result = await outcome(() =>
          route.action({ request: post(path, body), params: { token, page: target.pageId }, context: {} }),
        );
        seen.set(result.status, (seen.get(result.status) ?? 0) + 1);
        expect(ACCEPTABLE.has(result.status), `status ${result.status} for ${path}`).toBe(true);
        expectStoredAnswersValid(await getAnswers(db, respondentId));
      }),
      { numRuns: 300 },
    );
    // The test means something only if some posts were saved and some refused.
    expect(seen.get(302) ?? 0).toBeGreaterThan(20);
    expect(seen.get(400) ?? 0).toBeGreaterThan(5);
  });

  it("answer the check pages, the finish page and unknown pages with a 4xx or a redirect", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileBody(["completed", "completedByName", "completedByRole"]),
        fc.constantFrom("organisation", "stakeholders", "capacity", "nope", "__proto__"),
        async (body, section) => {
          const results = [
            await outcome(() =>
              checkRoute.action({
                request: post(`/a/${token}/check/${section}`, body),
                params: { token, section },
                context: {},
              }),
            ),
            await outcome(() =>
              checkAnswersRoute.action({
                request: post(`/a/${token}/check-answers`, body),
                params: { token },
                context: {},
              }),
            ),
            await outcome(() =>
              organisationRoute.action({
                request: post(`/a/${token}/organisation/${section}`, body),
                params: { token, page: section },
                context: {},
              }),
            ),
          ];
          for (const result of results) expect(ACCEPTABLE.has(result.status)).toBe(true);
          const respondent = await findRespondentByTokenHash(db, hashAccessToken(token));
          expect(respondent).toBeDefined();
          expectStoredAnswersValid(await getAnswers(db, respondentId));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("forged ids for groups of one's own", () => {
  type Item = { id: string; name: string };
  let groupsToken = "";
  let groupsRespondentId = "";

  beforeAll(async () => {
    groupsToken = newAccessToken();
    const ids = await createAssessment(db, {
      accessTokenHash: hashAccessToken(groupsToken),
      questionnaireVersion: QUESTIONNAIRE_VERSION,
    });
    groupsRespondentId = ids.respondentId;
    await saveAnswers(db, { ...ids, set: storedAnswersFrom(RURAL_COUNCIL.answers), clear: [] });
  });

  async function stored() {
    const answers = await getAnswers(db, groupsRespondentId);
    const suggested = (answers.suggestedGroups ?? []) as string[];
    const custom = (answers.customGroups ?? []) as Item[];
    return { answers, suggested, custom };
  }

  function postGroups(suggested: readonly string[], custom: readonly Item[], extra: [string, string][] = []) {
    const pairs: [string, string][] = [
      ...suggested.map((id): [string, string] => ["suggestedGroups", id]),
      ...custom.flatMap((item, index): [string, string][] => [
        [`customGroups.${index}.id`, item.id],
        [`customGroups.${index}.name`, item.name],
      ]),
      ...extra,
    ];
    const body = pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
    return outcome(() =>
      stakeholdersRoute.action({
        request: post(`/a/${groupsToken}/stakeholders/groups`, body),
        params: { token: groupsToken, page: "groups" },
        context: {},
      }),
    );
  }

  /** Every stored group id is of the "custom-" form, once, and no group stands for another. */
  function expectGroupIdsSound(answers: StoredAnswers, custom: readonly Item[]) {
    for (const item of custom) expect(item.id).toMatch(/^custom-[a-z0-9-]+$/);
    expect(new Set(custom.map((item) => item.id)).size).toBe(custom.length);
    const ids = groupsFrom(answers).map((group) => group.id);
    expect(new Set(ids).size).toBe(ids.length);
    expectStoredAnswersValid(answers);
  }

  it("refuses customGroups.0.id=residents: no second group with a suggested group's id", async () => {
    const before = await stored();
    expect(before.suggested).toContain("residents");
    const result = await postGroups(before.suggested, [{ id: "residents", name: "Residents again" }]);
    expect(result).toMatchObject({ kind: "data", status: 400 });
    const after = await stored();
    expect(after.custom).toEqual(before.custom);
    expect(groupsFrom(after.answers).filter((group) => group.id === "residents")).toHaveLength(1);
    expectGroupIdsSound(after.answers, after.custom);
  });

  it("gives a made-up id of the right form a new id of the server's own", async () => {
    const before = await stored();
    const result = await postGroups(before.suggested, [
      ...before.custom,
      { id: "custom-chosen-by-me", name: "Surfers" },
    ]);
    expect(result.kind).toBe("redirect");
    const after = await stored();
    const surfers = after.custom.find((item) => item.name === "Surfers");
    expect(surfers?.id).toMatch(/^custom-[0-9a-f]{10}$/);
    expect(after.custom.map((item) => item.id)).not.toContain("custom-chosen-by-me");
    // The groups that were there keep their ids (and so their answers).
    for (const item of before.custom) expect(after.custom).toContainEqual(item);
    expectGroupIdsSound(after.answers, after.custom);
  });

  it("never lets a posted id become a group that is not the server's, whatever is sent", async () => {
    const forgedId = fc.oneof(
      fc.constantFrom(...SUGGESTED_GROUPS),
      fc.constantFrom(
        "custom-ridge-landowners",
        "project-wind-farm",
        "objective-outages",
        "custom-",
        "custom",
        "CUSTOM-x",
        "custom-made-up",
        "custom-a b",
        "",
      ),
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^custom-[a-z0-9-]{1,12}$/),
    );
    await fc.assert(
      fc.asyncProperty(
        forgedId,
        fc.constantFrom("replace", "append"),
        fc.nat(),
        fc.boolean(),
        async (forged, how, at, confirm) => {
          const before = await stored();
          const custom = [...before.custom];
          if (how === "replace" && custom.length > 0) {
            const index = at % custom.length;
            custom[index] = { ...(custom[index] as Item), id: forged };
          } else {
            custom.push({ id: forged, name: `Group ${at % 1000}` });
          }
          const result = await postGroups(before.suggested, custom, confirm ? [["confirmRemoval", "yes"]] : []);
          expect(ACCEPTABLE.has(result.status), `status ${result.status}`).toBe(true);
          const after = await stored();
          const issuedBefore = new Set(before.custom.map((item) => item.id));
          for (const item of after.custom) {
            // Every id is one the server had issued, or a fresh one of its own.
            expect(issuedBefore.has(item.id) || /^custom-[0-9a-f]{10}$/.test(item.id), item.id).toBe(true);
          }
          if (!issuedBefore.has(forged)) expect(after.custom.map((item) => item.id)).not.toContain(forged);
          expectGroupIdsSound(after.answers, after.custom);
        },
      ),
      { numRuns: 150 },
    );
  });
});
