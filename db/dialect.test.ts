import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/support/test-database";
import { binaryColumnType, containsIgnoringCase, countFrom, dialectOf, escapeLike } from "./dialect";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.destroy();
});

const NAMES = ["Shire of Riverbend", "RIVERBEND Water", "100% Renewable Trust", "Snake_River Council", "Hillside"];

async function addOrganisations(): Promise<void> {
  const now = new Date().toISOString();
  await t.db
    .insertInto("organisations")
    .values(NAMES.map((name, index) => ({ id: `org-${index}`, name, created_at: now, updated_at: now })))
    .execute();
}

async function search(text: string): Promise<string[]> {
  const rows = await t.db
    .selectFrom("organisations")
    .select("name")
    .where((eb) => containsIgnoringCase(eb.ref("name"), text))
    .orderBy("id")
    .execute();
  return rows.map((row) => row.name ?? "");
}

describe(`the dialect helper (${process.env.TEST_DATABASE_KIND === "postgres" ? "PostgreSQL" : "SQLite"})`, () => {
  it("knows which database it talks to", () => {
    expect(dialectOf(t.db)).toBe(t.kind);
    expect(binaryColumnType(t.db)).toBe(t.kind === "postgres" ? "bytea" : "blob");
  });

  it("searches names ignoring case, the same on both databases", async () => {
    await addOrganisations();
    expect(await search("riverbend")).toEqual(["Shire of Riverbend", "RIVERBEND Water"]);
    expect(await search("SHIRE")).toEqual(["Shire of Riverbend"]);
    expect(await search("")).toEqual(NAMES);
    expect(await search("nothing like it")).toEqual([]);
  });

  it("treats what people type as text, never as wildcards", async () => {
    await addOrganisations();
    expect(escapeLike("100%_\\")).toBe("100\\%\\_\\\\");
    expect(await search("100%")).toEqual(["100% Renewable Trust"]);
    expect(await search("%")).toEqual(["100% Renewable Trust"]);
    expect(await search("nd_water")).toEqual([]);
    expect(await search("snake_river")).toEqual(["Snake_River Council"]);
  });

  it("reads a count as a number from either driver", async () => {
    await addOrganisations();
    const row = await t.db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number | string>().as("count"))
      .executeTakeFirstOrThrow();
    expect(countFrom(row.count)).toBe(5);
    expect(countFrom("12")).toBe(12);
    expect(countFrom(12n)).toBe(12);
    expect(countFrom(null)).toBe(0);
    expect(() => countFrom("many")).toThrow(/not a count/);
  });
});
