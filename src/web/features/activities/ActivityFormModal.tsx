import { Modal } from '@mantine/core';
import type { Activity } from '../../../schemas/activities';
import { type ActivityDefaults, ActivityForm } from './ActivityForm';

/** The activity form in a modal: `activity` to edit, otherwise a new one from `defaults`. */
export function ActivityFormModal({
  opened,
  onClose,
  activity,
  defaults,
}: {
  opened: boolean;
  onClose: () => void;
  activity?: Activity;
  defaults?: ActivityDefaults;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={activity ? 'Edit activity' : 'New activity'}
      size="lg"
      centered
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
