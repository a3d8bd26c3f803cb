import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Textarea, Title } from '@mantine/core';
import { type TeamPlan, TeamPlanContent } from '../../../schemas/team-plans';
import { errorMessage } from '../../api/client';
import { PlusIcon } from '../../components/icons';
import { useSchemaForm } from '../../components/useSchemaForm';
import { ConflictAlert, isConflict, plainTextOf } from '../../components/ConflictAlert';
import { TeamObjectiveFields } from './TeamObjectiveFields';
import {
  contentOf,
  draftOf,
  emptyObjective,
  fieldPathsOf,
  moved,
  type ObjectiveDraft,
  TEAM_PLAN_QUESTIONS,
  type TeamPlanDraft,
} from './team-plan-draft';
import { useTeamPlanOptions } from './useTeamPlanOptions';
import { useReloadTeamPlan, useSaveTeamPlan } from './useTeamPlans';

/**
 * The manager edits the five answers and the objective tree, then saves it whole (PUT with the
 * version it was read at). A save that lost a race offers to reload; nothing is merged.
 */
export function TeamPlanEditor({
  plan,
  currency,
  onClose,
}: {
  plan: TeamPlan;
  currency: string;
  onClose: () => void;
}) {
  const [base, setBase] = useState(plan);
  const { form, errors, onSubmit, showServerError } = useSchemaForm({
    schema: TeamPlanContent,
    initialValues: draftOf(plan, currency),
    toInput: (values: TeamPlanDraft) => contentOf(values, currency).content,
    // Only the paths a field shows; the rest is listed above the buttons.
    fieldOf: (path, values) => (fieldPathsOf(values).includes(path) ? path : undefined),
    check: (values) => contentOf(values, currency).errors,
  });
  const draft = form.values;
  const setDraft = form.setValues;
  const setErrors = form.setErrors;
  const [isConflictShown, setIsConflictShown] = useState(false);
  const save = useSaveTeamPlan();
  const reload = useReloadTeamPlan();
  const options = useTeamPlanOptions(base);
  const errorAt = (path: string) => errors[path];
  const setObjectives = (objectives: ObjectiveDraft[], isStructural = false) => {
    setDraft({ ...draft, objectives });
    // Errors are keyed by position; once rows move they would point at the wrong row.
    if (isStructural) setErrors({});
  };
  const setObjective = (o: number, patch: Partial<ObjectiveDraft>, isStructural = false) =>
    setObjectives(
      draft.objectives.map((objective, i) => (i === o ? { ...objective, ...patch } : objective)),
      isStructural,
    );

  const submit = onSubmit((content: TeamPlanContent) =>
    save.mutate(
      { plan: base, content },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isConflict(error)) setIsConflictShown(true);
          else showServerError(error);
        },
      },
    ),
  );
  const reloadPlan = async () => {
    try {
      const latest = await reload(base.id);
      setBase(latest);
      setDraft(draftOf(latest, currency));
      setErrors({});
      setIsConflictShown(false);
    } catch (error) {
      setErrors({ _form: errorMessage(error) });
    }
  };

  const paths = fieldPathsOf(draft);
  const unplaced = Object.entries(errors).filter(
    ([field]) => field !== '_form' && !paths.includes(field),
  );
  return (
    <Card withBorder padding="lg" aria-label={`Editing the team plan of ${base.manager.name}`}>
      <Title order={2} size="h4" mb="sm">
        {base.manager.name}’s team, {base.year}
      </Title>
      <Stack>
        {TEAM_PLAN_QUESTIONS.map(([key, question]) => (
          <Textarea
            key={key}
            label={question}
            autosize
            minRows={2}
            value={draft.answers[key]}
            onChange={(event) =>
              setDraft({
                ...draft,
                answers: { ...draft.answers, [key]: event.currentTarget.value },
              })
            }
            error={errorAt(`answers.${key}`)}
          />
        ))}
        {draft.objectives.map((objective, o) => (
          <TeamObjectiveFields
            key={objective.key}
            objective={objective}
            index={o}
            count={draft.objectives.length}
            options={options}
            currency={currency}
            errorAt={(field) => errorAt(`objectives.${o}.${field}`)}
            onChange={(patch) => setObjective(o, patch)}
            onStructureChange={(patch) => setObjective(o, patch, true)}
            onMove={(to) => setObjectives(moved(draft.objectives, o, to), true)}
            onRemove={() =>
              setObjectives(
                draft.objectives.filter((_, i) => i !== o),
                true,
              )
            }
          />
        ))}
        <Button
          variant="light"
          w="fit-content"
          leftSection={<PlusIcon size={14} />}
          onClick={() => setObjectives([...draft.objectives, emptyObjective()], true)}
        >
          Add a business objective
        </Button>
        <ConflictAlert
          error={isConflictShown ? save.error : null}
          what="team plan"
          textOf={() => plainTextOf(draft)}
          onReload={reloadPlan}
        />
        {(Boolean(errors._form) || unplaced.length > 0) && (
          <Alert color="red" title="Not saved" role="alert">
            {[errors._form, ...unplaced.map(([field, reason]) => `${field}: ${reason}`)]
              .filter(Boolean)
              .join('; ')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={save.isPending} onClick={() => submit()}>
            Save the team plan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
