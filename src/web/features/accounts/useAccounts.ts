import { resourceHooks } from '../../api/resource-hooks';
import type {
  Account,
  AccountInput,
  AccountListItem,
  AccountPatch,
  AccountStatus,
} from '../../../schemas/accounts';

const accounts = resourceHooks<AccountListItem, AccountInput, AccountPatch, Account>('accounts');

export const accountKeys = accounts.keys;
export const useAccountList = accounts.useList;
export const useAccount = accounts.useDetail;
export const useCreateAccount = accounts.useCreate;
export const useUpdateAccount = accounts.useUpdate;
export const useDeleteAccount = accounts.useDelete;

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  prospect: 'Prospect',
  customer: 'Customer',
};
