import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import {
  Account,
  AccountInput,
  AccountListItem,
  AccountListQuery,
  AccountPatch,
} from '../../schemas/accounts';
import {
  createAccount,
  deleteAccount,
  getAccount,
  listAccounts,
  updateAccount,
} from '../../services/accounts';
import { exportAccounts } from '../../services/csv-export-lists';
import { registerCrudRoutes } from './crud';

export async function accountRoutes(app: FastifyInstance, { db }: { db: Database }) {
  registerCrudRoutes(app, db, {
    path: '/api/accounts',
    noun: 'account',
    schemas: {
      listQuery: AccountListQuery,
      input: AccountInput,
      patch: AccountPatch,
      item: AccountListItem,
      detail: Account,
    },
    service: {
      list: listAccounts,
      get: getAccount,
      create: createAccount,
      update: updateAccount,
      remove: deleteAccount,
    },
    exportCsv: exportAccounts,
  });
}
