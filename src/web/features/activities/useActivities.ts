import { resourceHooks } from '../../api/resource-hooks';
import type {
  Activity,
  ActivityInput,
  ActivityPatch,
  ActivityStatus,
} from '../../../schemas/activities';

const activities = resourceHooks<Activity, ActivityInput, ActivityPatch>('activities');

export const useActivityList = activities.useList;
export const useCreateActivity = activities.useCreate;
export const useUpdateActivity = activities.useUpdate;
export const useDeleteActivity = activities.useDelete;

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: 'Planned',
  done: 'Done',
};
