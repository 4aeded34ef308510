import { describe, expect, it } from "vitest";
import { lastBuiltCache } from "./last-built.server";

describe("lastBuiltCache", () => {
  it("reuses a value only for exactly the same inputs, per respondent", () => {
    const cache = lastBuiltCache<{ built: number }>(10);
    let builds = 0;
    const build = () => ({ built: (builds += 1) });
    const first = cache.get("a", { answers: { x: 1 } }, build);
    expect(cache.get("a", { answers: { x: 1 } }, build)).toBe(first);
    expect(cache.get("b", { answers: { x: 1 } }, build)).not.toBe(first);
    const changed = cache.get("a", { answers: { x: 2 } }, build);
    expect(changed).not.toBe(first);
    expect(cache.get("a", { answers: { x: 1 } }, build)).not.toBe(first);
    expect(builds).toBe(4);
  });

  it("keeps only the most recent respondents", () => {
    const cache = lastBuiltCache<number>(2);
    let builds = 0;
    const build = () => (builds += 1);
    cache.get("a", 1, build);
    cache.get("b", 1, build);
    cache.get("a", 1, build); // a is now the most recent
    cache.get("c", 1, build); // b goes
    expect(cache.size).toBe(2);
    cache.get("a", 1, build);
    expect(builds).toBe(3);
    cache.get("b", 1, build);
    expect(builds).toBe(4);
  });
});
