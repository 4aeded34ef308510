import type { PageDef } from "./section-types";

export function findPage(pages: readonly PageDef[], pageId: string | undefined): PageDef | undefined {
  return pages.find((page) => page.id === pageId);
}

export function pageAfter(pages: readonly PageDef[], page: PageDef): PageDef | undefined {
  return pages[pages.findIndex((candidate) => candidate.id === page.id) + 1];
}

export function pageBefore(pages: readonly PageDef[], page: PageDef): PageDef | undefined {
  const index = pages.findIndex((candidate) => candidate.id === page.id);
  return index > 0 ? pages[index - 1] : undefined;
}

/** The page's title: its heading, or the question when it asks just one. */
export function pageTitle(page: PageDef): string {
  return page.title ?? page.questions[0]?.label ?? "Question";
}
