import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { DealPlanDraft } from '../../../schemas/deal-plans';

// Edits the rep is typing but has not saved yet. Each open form reports its draft as a change to
// the plan, so the checks beside the plan update while they type, not only after saving.

export type DraftEdit = (plan: DealPlanDraft) => DealPlanDraft;
type SetDraft = (key: string, edit: DraftEdit | null) => void;

export const PlanDraftContext = createContext<SetDraft>(() => {});

export function usePlanDrafts() {
  const [drafts, setDrafts] = useState<Record<string, DraftEdit>>({});
  const setDraft = useCallback<SetDraft>((key, edit) => {
    setDrafts((current) => {
      if (edit === null) {
        if (!(key in current)) return current;
        const { [key]: _removed, ...rest } = current;
        return rest;
      }
      return { ...current, [key]: edit };
    });
  }, []);
  const applyDrafts = useCallback(
    (plan: DealPlanDraft) => Object.values(drafts).reduce((draft, edit) => edit(draft), plan),
    [drafts],
  );
  return { applyDrafts, setDraft, hasDrafts: Object.keys(drafts).length > 0 };
}

/** Reports `edit` as the draft under `key` while the form is open; clears it on close. */
export function useReportDraft(key: string, edit: DraftEdit | null) {
  const setDraft = useContext(PlanDraftContext);
  useEffect(() => setDraft(key, edit), [key, edit, setDraft]);
  useEffect(() => () => setDraft(key, null), [key, setDraft]);
}
