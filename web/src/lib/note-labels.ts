/**
 * @module web/lib/note-labels
 * Service notes' vocabularies in words — service types, activities, recipients, modalities, where the member
 * was, note and review statuses — each with the option list a form shows. Exhaustive switches, so a value
 * added to a vocabulary cannot go without its label.
 */
import { ACTIVITIES, MEMBER_LOCATIONS, MODALITIES, SERVICE_TYPES } from '../../../src/shared/index.js';
import type { NoteStatus, ReviewStatus } from '../../../src/shared/documentation.js';
import type { Activity, Modality, NoteFields, ServiceType } from '../../../src/shared/index.js';

export type MemberLocation = (typeof MEMBER_LOCATIONS)[number];
export type Recipient = NoteFields['recipient'];

export function serviceTypeLabel(type: ServiceType): string {
  switch (type) {
    case 'engagement':
      return 'Engagement';
    case 'therapeutic_activity':
      return 'Therapeutic activity';
    case 'skill_building_group':
      return 'Educational skill-building group';
    case 'contingency_management':
      return 'Contingency management';
  }
}

export function activityLabel(activity: Activity): string {
  switch (activity) {
    case 'recovery_coaching':
      return 'Recovery coaching';
    case 'goal_setting':
      return 'Goal setting';
    case 'resource_linkage':
      return 'Linking to resources';
    case 'skill_building':
      return 'Skill building';
    case 'advocacy':
      return 'Advocacy';
    case 'family_education':
      return 'Family education';
    case 'crisis_support':
      return 'Crisis support';
    case 'transportation':
      return 'Transportation';
    case 'habilitation':
      return 'Habilitation';
    case 'recreation':
      return 'Recreation';
    case 'peer_supervision':
      return 'Peer supervision';
    case 'childcare':
      return 'Childcare';
    case 'academic_teaching':
      return 'Academic teaching';
    case 'room_and_board':
      return 'Room and board';
    case 'other':
      return 'Other';
  }
}

export function recipientLabel(recipient: Recipient): string {
  switch (recipient) {
    case 'member':
      return 'The member (present)';
    case 'family_without_member':
      return 'Family or support persons, without the member';
  }
}

export function modalityLabel(modality: Modality): string {
  switch (modality) {
    case 'in_person':
      return 'In person';
    case 'video':
      return 'Video';
    case 'audio_only':
      return 'Audio only (phone)';
  }
}

export function memberLocationLabel(location: MemberLocation): string {
  switch (location) {
    case 'home':
      return 'Home';
    case 'community':
      return 'Community';
    case 'clinic':
      return 'Clinic';
    case 'school':
      return 'School';
    case 'work':
      return 'Work';
    case 'other':
      return 'Somewhere else';
  }
}

export function noteStatusLabel(status: NoteStatus): string {
  switch (status) {
    case 'draft':
      return 'Draft';
    case 'signed':
      return 'Signed';
  }
}

export function reviewStatusLabel(status: ReviewStatus): string {
  switch (status) {
    case 'not_required':
      return 'No review needed';
    case 'pending':
      return 'Waiting for review';
    case 'cosigned':
      return 'Co-signed';
    case 'returned':
      return 'Returned';
  }
}

function optionsOf<V extends string>(
  values: readonly V[],
  label: (value: V) => string,
): { value: V; label: string }[] {
  return values.map((value) => ({ value, label: label(value) }));
}

export const SERVICE_TYPE_OPTIONS = optionsOf(SERVICE_TYPES, serviceTypeLabel);
export const ACTIVITY_OPTIONS = optionsOf(ACTIVITIES, activityLabel);
export const RECIPIENT_OPTIONS = optionsOf(['member', 'family_without_member'] as const, recipientLabel);
export const MODALITY_OPTIONS = optionsOf(MODALITIES, modalityLabel);
export const MEMBER_LOCATION_OPTIONS = optionsOf(MEMBER_LOCATIONS, memberLocationLabel);

/** What a modifier a user may add means; a modifier without a known meaning is shown as its code. */
export function modifierLabel(modifier: string): string {
  const meaning = MODIFIER_MEANINGS[modifier];
  return meaning === undefined ? modifier : `${modifier}: ${meaning}`;
}

const MODIFIER_MEANINGS: Readonly<Record<string, string>> = {
  SC: 'medically necessary service or supply',
  HK: 'specialized mental health programs for high-risk populations',
  GT: 'via interactive audio and video telecommunication systems',
  HQ: 'group setting',
};
