import { daysBetween } from './calendar';
import type { IsoDate } from './calendar';
import { BUYING_INFLUENCE_ROLES, IN_ACCOUNT_ALTERNATIVES, lastModeRecordedOn } from './deal-plan';
import type { DealPlan, DealPlanFinding, SingleSalesObjective, WinWin } from './deal-plan';

// Coverage checks and red flags (DOMAIN.md, seed 000). Severities:
//
// | code                              | severity | when                                                 |
// |-----------------------------------|----------|------------------------------------------------------|
// | role_missing                      | error    | no economic buyer named                              |
// | role_missing                      | warning  | no coach, user or technical influence named          |
// | influence_without_mode            | warning  | a buying influence has no response mode              |
// | influence_not_addressed           | warning  | trouble/overconfident with no open step aimed at them |
// | no_in_account_alternative         | warning  | competition lists no do-nothing/in-house/budget one   |
// | competitor_without_differentiators | info    | no differentiators against a competitor              |
// | win_win_incomplete                | warning  | a side of the win-win is empty                       |
// | objective_not_smart               | warning  | an open objective has an empty field or no date      |
// | no_open_objective                 | warning  | an open deal has no open objective                   |
// | economic_buyer_not_convinced (flag) | error  | economic buyer even_keel/overconfident ≤ 30 days out |
// | response_mode_stale (flag)        | warning  | mode last recorded > 60 days ago on an open deal     |

/** Days before the expected close from which a still-unconvinced economic buyer is a red flag. */
export const ECONOMIC_BUYER_WINDOW_DAYS = 30;
/** A response mode older than this (in days) makes the map stale on an open deal. */
export const STALE_MODE_DAYS = 60;

const ROLE_LABELS = {
  economic: 'economic buyer',
  user: 'user',
  technical: 'technical buyer',
  coach: 'coach',
} as const;

const SMART_FIELDS: { key: keyof SingleSalesObjective; label: string }[] = [
  { key: 'who', label: 'who takes part' },
  { key: 'whereWhen', label: 'where and when' },
  { key: 'informationToCollect', label: 'what information to collect' },
  { key: 'how', label: 'how' },
  { key: 'desiredOutcome', label: 'the measurable desired outcome' },
  { key: 'dueOn', label: 'a due date' },
];

const WIN_WIN_FIELDS: { key: keyof WinWin; label: string }[] = [
  { key: 'buyerResult', label: "the buyer's business result" },
  { key: 'buyerPersonalWin', label: "the buyer's personal win" },
  { key: 'ourWin', label: 'our win' },
];

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'string' && value.trim() === '';
}

/** Coverage findings and red flags of a deal plan. */
export function checkDealPlanCoverage(plan: DealPlan, today: IsoDate): DealPlanFinding[] {
  const findings: DealPlanFinding[] = [];
  const add = (
    severity: DealPlanFinding['severity'],
    code: string,
    field: string,
    message: string,
  ) => findings.push({ check: 'coverage', severity, code, field, message });
  for (const role of BUYING_INFLUENCE_ROLES) {
    if (!plan.influences.some((influence) => influence.role === role)) {
      add(
        role === 'economic' ? 'error' : 'warning',
        'role_missing',
        'influences',
        `No ${ROLE_LABELS[role]} is named on this deal.`,
      );
    }
  }
  const openSteps = plan.steps.filter((step) => step.status === 'open');
  plan.influences.forEach((influence, i) => {
    const name = influence.contactName.trim() || `This ${ROLE_LABELS[influence.role]}`;
    if (influence.responseMode === null) {
      add(
        'warning',
        'influence_without_mode',
        `influences[${i}].responseMode`,
        `${name} has no response mode: growth, trouble, even keel or overconfident?`,
      );
      return;
    }
    const isNegativeOrTrouble =
      influence.responseMode === 'trouble' || influence.responseMode === 'overconfident';
    if (isNegativeOrTrouble && !openSteps.some((step) => step.influenceId === influence.id)) {
      add(
        'warning',
        'influence_not_addressed',
        `influences[${i}]`,
        `${name} is in ${influence.responseMode} mode and no open step is aimed at them.`,
      );
    }
    if (!plan.isOpen) return;
    const days = plan.expectedCloseOn === null ? null : daysBetween(today, plan.expectedCloseOn);
    const isUnconvinced =
      influence.responseMode === 'even_keel' || influence.responseMode === 'overconfident';
    if (
      influence.role === 'economic' &&
      isUnconvinced &&
      days !== null &&
      days <= ECONOMIC_BUYER_WINDOW_DAYS
    ) {
      add(
        'error',
        'economic_buyer_not_convinced',
        `influences[${i}].responseMode`,
        `${name}, the economic buyer, is still ${influence.responseMode.replace('_', ' ')} with the expected close ${days < 0 ? 'already past' : `${days} days away`}.`,
      );
    }
    const last = lastModeRecordedOn(influence);
    if (last === null || daysBetween(last, today) > STALE_MODE_DAYS) {
      add(
        'warning',
        'response_mode_stale',
        `influences[${i}].responseMode`,
        `${name}'s response mode was ${last === null ? 'never dated' : `last recorded ${last}`}: check it again, modes change.`,
      );
    }
  });
  if (!plan.competition.some((competitor) => IN_ACCOUNT_ALTERNATIVES.includes(competitor.kind))) {
    add(
      'warning',
      'no_in_account_alternative',
      'competition',
      'The competition lists no alternative inside the account (doing nothing, building in-house, spending the budget elsewhere).',
    );
  }
  plan.competition.forEach((competitor, i) => {
    if (isBlank(competitor.differentiators)) {
      add(
        'info',
        'competitor_without_differentiators',
        `competition[${i}].differentiators`,
        `No differentiators against ${competitor.name.trim() || 'this alternative'}.`,
      );
    }
  });
  for (const { key, label } of WIN_WIN_FIELDS) {
    if (isBlank(plan.winWin[key]))
      add('warning', 'win_win_incomplete', `winWin.${key}`, `The win-win does not state ${label}.`);
  }
  plan.objectives.forEach((objective, i) => {
    if (objective.status !== 'open') return;
    for (const { key, label } of SMART_FIELDS) {
      if (isBlank(objective[key]))
        add(
          'warning',
          'objective_not_smart',
          `objectives[${i}].${key}`,
          `The objective does not say ${label}.`,
        );
    }
  });
  if (plan.isOpen && !plan.objectives.some((objective) => objective.status === 'open')) {
    add(
      'warning',
      'no_open_objective',
      'objectives',
      'The deal is open but has no open objective: set the next single sales objective.',
    );
  }
  return findings;
}
