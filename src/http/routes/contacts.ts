import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import { Contact, ContactInput, ContactListQuery, ContactPatch } from '../../schemas/contacts';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  updateContact,
} from '../../services/contacts';
import { exportContacts } from '../../services/csv-export-lists';
import { registerCrudRoutes } from './crud';

export async function contactRoutes(app: FastifyInstance, { db }: { db: Database }) {
  registerCrudRoutes(app, db, {
    path: '/api/contacts',
    noun: 'contact',
    schemas: {
      listQuery: ContactListQuery,
      input: ContactInput,
      patch: ContactPatch,
      item: Contact,
      detail: Contact,
    },
    service: {
      list: listContacts,
      get: getContact,
      create: createContact,
      update: updateContact,
      remove: deleteContact,
    },
    exportCsv: exportContacts,
  });
}
