import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { FormInput } from "../questionnaire/question-types";

const PREFIX = "readiness-draft:";
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

type Draft = { savedAt: number; values: FormInput };

/** Blank values count as "nothing typed", so a draft equal to the saved answers is not offered. */
function normalised(values: unknown): string {
  return JSON.stringify(values, (_key, value: unknown) =>
    value === "" || value === null || (Array.isArray(value) && value.length === 0) ? undefined : value,
  );
}

function readDraft(key: string): Draft | undefined {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Draft;
    if (typeof draft.savedAt !== "number" || Date.now() - draft.savedAt > MAX_AGE_MS) {
      window.localStorage.removeItem(PREFIX + key);
      return undefined;
    }
    return draft;
  } catch {
    return undefined;
  }
}

export function clearDraft(key: string) {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage can be unavailable (private browsing, full): drafts are a convenience.
  }
}

/**
 * Keeps what people type on a page in this browser until they select Continue, so a reload, a
 * closed tab or the back button loses nothing. The answers themselves are saved only on the
 * server, and only when the page is valid.
 */
export function useDraft(form: UseFormReturn<FormInput>, key: string | undefined, active: boolean) {
  const [restored, setRestored] = useState(false);
  const checked = useRef(false);

  useEffect(() => {
    if (!key || !active || checked.current) return;
    checked.current = true;
    const draft = readDraft(key);
    if (draft && normalised(draft.values) !== normalised(form.getValues())) {
      form.reset(draft.values, { keepDefaultValues: true });
      setRestored(true);
    }
  }, [key, active, form]);

  useEffect(() => {
    if (!key || !active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = form.watch((values, { type }) => {
      if (type !== "change") return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          window.localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: Date.now(), values }));
        } catch {
          // Storage can be unavailable or full: drafts are a convenience, never required.
        }
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [key, active, form]);

  function discard() {
    if (!key) return;
    clearDraft(key);
    form.reset();
    setRestored(false);
  }

  return { restored, discard };
}
