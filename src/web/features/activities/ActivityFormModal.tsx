import { Modal } from '@mantine/core';
import type { Activity } from '../../../schemas/activities';
import { type ActivityDefaults, ActivityForm } from './ActivityForm';

/** The activity form in a modal: `activity` to edit, otherwise a new one from `defaults`. */
export function ActivityFormModal({
  opened,
  onClose,
  activity,
  defaults,
  title,
}: {
  opened: boolean;
  onClose: () => void;
  activity?: Activity;
  defaults?: ActivityDefaults;
  /** The modal's title for a new activity, e.g. "Log a call". */
  title?: string | undefined;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={activity ? 'Edit activity' : (title ?? 'New activity')}
      size="lg"
      centered
      // The focus trap focuses without scrolling: on a phone a quick log's focused save button sat
      // below the fold, so the second tap needed a scroll first.
      onEnterTransitionEnd={() =>
        document.activeElement instanceof HTMLElement &&
        document.activeElement.scrollIntoView({ block: 'nearest' })
      }
    >
      {opened && (
        <ActivityForm
          key={activity?.id ?? 'new'}
          activity={activity}
          defaults={defaults}
          onSaved={onClose}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
