import type { RepPlan } from '../../../schemas/rep-plans';
import { CommentThread } from '../../components/CommentThread';
import { useAddRepPlanComment, useRepPlanComments } from './useRepPlanComments';

/** The rep's and the manager's comments on the plan, oldest first; both may add one. */
export function RepPlanComments({ plan, userId }: { plan: RepPlan; userId: string }) {
  const comments = useRepPlanComments(plan.id);
  const add = useAddRepPlanComment(plan.id);
  const other = userId === plan.rep.id ? (plan.manager?.name ?? 'your manager') : plan.rep.name;
  return (
    <CommentThread
      comments={comments}
      add={add}
      canComment={userId === plan.rep.id || userId === plan.manager?.id}
      roleOf={(authorId) =>
        authorId === plan.rep.id ? 'rep' : authorId === plan.manager?.id ? 'manager' : null
      }
      addedMessage={`${other} sees it on the plan.`}
    />
  );
}
