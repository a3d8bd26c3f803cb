import { z } from 'zod';

// The planning calendar (DOMAIN.md, "Rep plan"; seed 002): next year's planning opens three
// months before it starts, and plans are inspected at least quarterly.

export const PlanningCalendarQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const PlanningCalendar = z.object({
  year: z.number().int(),
  fiscalYearStart: z.string(),
  planningOpensOn: z.string(),
  isPlanningOpen: z.boolean(),
  tasks: z.array(
    z.object({
      kind: z.enum(['rep_plan', 'team_plan', 'inspection']),
      title: z.string(),
      from: z.string(),
      dueOn: z.string(),
      isDone: z.boolean(),
    }),
  ),
});
export type PlanningCalendar = z.infer<typeof PlanningCalendar>;
