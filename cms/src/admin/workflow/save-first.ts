import { useForm } from '@strapi/strapi/admin';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

type FormState = { modified: boolean; isSubmitting: boolean; errors: unknown };

const SAVE_TIMEOUT_MS = 20_000;
/** The save starts at once; if it has not, the Content Manager refused to start it. */
const START_TIMEOUT_MS = 3_000;

/**
 * The edit view's unsaved changes, and a way to save them with the Content Manager's own save
 * (its Ctrl+S shortcut: the same validation, the same request, the same error display on the
 * fields). `saveFirst` resolves true once the document is saved and unmodified, false if the save
 * was refused (a field in error, the server's no) or did not finish.
 */
export const useSaveFirst = (): { modified: () => boolean; saveFirst: () => Promise<boolean> } => {
  const modified = useForm('WorkflowPanel', (state) => state.modified);
  const isSubmitting = useForm('WorkflowPanel', (state) => state.isSubmitting);
  const errors = useForm('WorkflowPanel', (state) => state.errors);
  const latest = useRef<FormState>({ modified, isSubmitting, errors });
  const waiters = useRef<Array<() => void>>([]);
  useLayoutEffect(() => {
    latest.current = { modified, isSubmitting, errors };
  });
  useEffect(() => {
    for (const wake of waiters.current.splice(0)) wake();
  });

  const nextRender = (): Promise<void> =>
    new Promise((resolve) => {
      waiters.current.push(resolve);
    });

  const saveFirst = useCallback(async (): Promise<boolean> => {
    if (!latest.current.modified) return true;
    const before = latest.current;
    const startedAt = Date.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));
    let started = false;
    while (Date.now() - startedAt < SAVE_TIMEOUT_MS) {
      await Promise.race([nextRender(), new Promise((resolve) => setTimeout(resolve, 100))]);
      const state = latest.current;
      if (state.isSubmitting) {
        started = true;
        continue;
      }
      if (!state.modified) return true;
      // Refused: the fields in error are marked, or the server said no (its message is shown).
      if (started || state.errors !== before.errors) return false;
      if (Date.now() - startedAt > START_TIMEOUT_MS) return false;
    }
    return false;
  }, []);

  return { modified: () => latest.current.modified, saveFirst };
};
