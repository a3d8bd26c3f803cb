import type { ActivityType } from './generate-catalogue';

// Short subjects and outcomes a rep would log, per activity type.
export const activitySubjects: Record<ActivityType, readonly string[]> = {
  first_meeting: [
    'Introductory meeting',
    'Discovery meeting',
    'First meeting: current sales process',
    'Exploratory meeting on a new need',
  ],
  call: ['Follow-up call', 'Check-in call', 'Qualification call', 'Reference call'],
  email: ['Sent product overview', 'Follow-up email', 'Shared a case study', 'Sent meeting notes'],
  meeting: [
    'Requirements workshop',
    'Account review',
    'Stakeholder meeting',
    'Quarterly business review',
  ],
  proposal: ['Proposal presented', 'Revised proposal sent', 'Renewal proposal sent'],
  demo: ['Product demo', 'Technical deep dive', 'Analytics demo for the finance team'],
};

export const activityOutcomes: Record<ActivityType, readonly string[]> = {
  first_meeting: [
    'No current need',
    'Asked us to come back next quarter',
    'Interested; sent material, no project yet',
    'Budget frozen this year',
  ],
  call: [
    'Reached; next step agreed',
    'Left a voicemail',
    'Call back next week',
    'Timeline confirmed',
  ],
  email: ['Sent', 'Replied positively', 'No reply yet'],
  meeting: [
    'Requirements clarified',
    'Met the economic buyer',
    'Next steps agreed',
    'Budget concerns raised',
  ],
  proposal: ['Proposal under review', 'Asked for a discount', 'Accepted in principle'],
  demo: ['Positive feedback', 'Needs integration details', 'Trial requested'],
};

/** The outcome of the first meeting an opportunity came from. */
export const OPPORTUNITY_OPENED = 'Need confirmed; opportunity opened';
