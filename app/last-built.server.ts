/**
 * Keeps, for each respondent, the last value built and exactly what it was built from, so a page
 * asked for again with nothing changed is not worked out again. Pages (the task list, check
 * answers, the report) are opened far more often than answers change, and working them out
 * (validating every section, scoring, gathering evidence) is most of their time under load.
 *
 * - The inputs are compared as JSON: a value is reused only for exactly the same inputs, so it is
 *   never stale, in this process or with others on the same database.
 * - Only the most recent respondents are kept (`keep`), so memory stays bounded.
 * - Callers must not change a value they get: the next request gets the same object.
 */
export function lastBuiltCache<T>(keep: number) {
  const kept = new Map<string, { key: string; value: T }>();
  return {
    get(respondentId: string, inputs: unknown, build: () => T): T {
      const key = JSON.stringify(inputs);
      const found = kept.get(respondentId);
      if (found?.key === key) {
        // The most recently used go last, so the least recently used are the first to go.
        kept.delete(respondentId);
        kept.set(respondentId, found);
        return found.value;
      }
      const value = build();
      kept.delete(respondentId);
      if (kept.size >= keep) kept.delete(kept.keys().next().value as string);
      kept.set(respondentId, { key, value });
      return value;
    },
    /** Respondents kept now (for tests). */
    get size() {
      return kept.size;
    },
  };
}
