import { resourceHooks } from '../../api/resource-hooks';
import type { Contact, ContactInput, ContactPatch } from '../../../schemas/contacts';

const contacts = resourceHooks<Contact, ContactInput, ContactPatch>('contacts');

export const useContactList = contacts.useList;
export const useCreateContact = contacts.useCreate;
export const useUpdateContact = contacts.useUpdate;
export const useDeleteContact = contacts.useDelete;

export function contactName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}
