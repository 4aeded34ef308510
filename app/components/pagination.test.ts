import { describe, expect, it } from "vitest";
import { pageNumbers } from "./pagination";

describe("pageNumbers", () => {
  it("shows every page of a short list", () => {
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it("shows the first, the last, the current page and its neighbours, with gaps between", () => {
    expect(pageNumbers(1, 20)).toEqual([1, 2, "gap", 20]);
    expect(pageNumbers(10, 20)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
    expect(pageNumbers(20, 20)).toEqual([1, "gap", 19, 20]);
    expect(pageNumbers(3, 20)).toEqual([1, 2, 3, 4, "gap", 20]);
    expect(pageNumbers(1, 4)).toEqual([1, 2, 3, 4]);
  });

  it("uses a gap only for two or more pages left out, and always shows the current page", () => {
    for (let pages = 1; pages <= 30; pages += 1) {
      for (let page = 1; page <= pages; page += 1) {
        const items = pageNumbers(page, pages);
        items.forEach((item, index) => {
          if (item !== "gap") return;
          const before = items[index - 1] as number;
          const after = items[index + 1] as number;
          expect(after - before).toBeGreaterThan(2);
        });
        expect(items).toContain(page);
      }
    }
  });
});
