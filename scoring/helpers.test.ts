import { describe, expect, it } from "vitest";
import { addDays, daysToIsoDate, isoDateToDays, nextMonday } from "./dates";
import { round, roundUp, safeDivide } from "./numbers";
import { countOfYour, formatNumber, joinList, shareInWords, workingHoursLabel } from "./text";
import { compareLevels, levelAtRank, levelRank } from "./levels";

describe("dates", () => {
  it.each([
    ["1970-01-01", 0],
    ["2000-02-29", 11016],
    ["2026-11-16", 20773],
  ])("%s is day %d", (iso, days) => {
    expect(isoDateToDays(iso)).toBe(days);
    expect(daysToIsoDate(days)).toBe(iso);
  });

  it.each([
    ["2026-11-16", 1, "2026-11-17"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
  ])("%s + %d days = %s", (iso, days, expected) => {
    expect(addDays(iso, days)).toBe(expected);
  });

  it.each([
    ["2026-11-16", "2026-11-23"],
    ["2026-11-18", "2026-11-23"],
    ["2026-11-22", "2026-11-23"],
  ])("the Monday after %s is %s", (iso, monday) => {
    expect(nextMonday(iso)).toBe(monday);
  });

  it.each(["2026-02-30", "2026-13-01", "16/11/2026", ""])("rejects %j", (iso) => {
    expect(() => isoDateToDays(iso)).toThrow(RangeError);
  });
});

describe("numbers", () => {
  it("rounds half away from zero and never returns -0 or NaN", () => {
    expect(round(2.25, 1)).toBe(2.3);
    expect(round(-2.25, 1)).toBe(-2.3);
    expect(Object.is(round(-0.01, 1), 0)).toBe(true);
    expect(round(Number.NaN)).toBe(0);
    expect(round(Number.POSITIVE_INFINITY)).toBe(0);
    expect(roundUp(2.01, 1)).toBe(2.1);
    expect(roundUp(2.0000000001, 1)).toBe(2);
  });

  it("guards division by zero", () => {
    expect(safeDivide(1, 0, 7)).toBe(7);
    expect(safeDivide(6, 3, 7)).toBe(2);
  });
});

describe("text", () => {
  it.each([
    [2, 3, "2 of your 3 groups have"],
    [1, 3, "1 of your 3 groups has"],
    [0, 3, "0 of your 3 groups have"],
    [1, 1, "Your one group has"],
    [0, 1, "Your one group does not have"],
  ])("counts %d of %d with the verb agreeing", (count, total, expected) => {
    expect(countOfYour(count, total, "group", "groups")).toBe(expected);
  });

  it.each([
    [0, "under an hour"],
    [4, "4 working hours"],
    [8, "1 working day"],
    [16, "2 working days"],
    [12, "1.5 working days"],
    [40, "1 working week"],
    [400, "more than 10 working weeks"],
  ])("%d working hours reads %j", (hours, label) => {
    expect(workingHoursLabel(hours)).toBe(label);
  });

  it.each([
    [0.05, "less than a tenth"],
    [0.25, "about a quarter"],
    [0.33, "about a third"],
    [0.5, "about half"],
    [0.8, "about three quarters"],
    [0.95, "nearly all"],
  ])("share %d reads %j", (share, words) => {
    expect(shareInWords(share)).toBe(words);
  });

  it("formats numbers without the runtime's locale", () => {
    expect(formatNumber(1234567.891, 1)).toBe("1,234,567.9");
    expect(formatNumber(5)).toBe("5");
    expect(formatNumber(2.5, 2)).toBe("2.5");
  });

  it("joins lists the British way, without a serial comma", () => {
    expect(joinList(["a"])).toBe("a");
    expect(joinList(["a", "b"])).toBe("a and b");
    expect(joinList(["a", "b", "c"])).toBe("a, b and c");
  });
});

describe("IAP2 levels", () => {
  it("orders the levels by increasing public influence", () => {
    expect(
      ["empower", "inform", "none", "involve", "consult", "collaborate"].sort((a, b) =>
        compareLevels(a as never, b as never),
      ),
    ).toEqual(["none", "inform", "consult", "involve", "collaborate", "empower"]);
    expect(levelRank("none")).toBe(0);
    expect(levelAtRank(0)).toBe("inform");
    expect(levelAtRank(9)).toBe("empower");
  });
});
