import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type QueryValue } from '../../api/client';
import type { AuditEntry } from '../../../schemas/audit-log';
import type { OrganisationPatch, OrganisationSettings } from '../../../schemas/organisation';
import type { ApiToken } from '../../../schemas/session';
import type { User, UserInput, UserPatch } from '../../../schemas/users';
import { SESSION_KEY } from '../session/useSession';

// The admin's reads and writes. A change to a reference list or a user also refreshes the
// pickers the rest of the app reads (`reference`, `users`), so a new stage shows up everywhere.

/** The admin lists: each is `/api/<path>`, its records named by `id` (activity types: `key`). */
export type AdminList = 'stages' | 'segments' | 'territories' | 'activity-types' | 'products';

function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['admin'] }),
      queryClient.invalidateQueries({ queryKey: ['reference'] }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['products'] }),
    ]);
}

export function useAdminList<Item>(list: AdminList, params: Record<string, QueryValue> = {}) {
  return useQuery({
    queryKey: ['admin', list, params],
    queryFn: () => api.get<Page<Item>>(`/api/${list}`, { pageSize: 500, ...params }),
    placeholderData: keepPreviousData,
  });
}

/** Create (no id) or change (an id) a record of an admin list. */
export function useSaveAdminRecord<Input, Item>(list: AdminList) {
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Input }) =>
      id === null
        ? api.post<Item>(`/api/${list}`, input)
        : api.patch<Item>(`/api/${list}/${encodeURIComponent(id)}`, input),
    onSuccess: refresh,
  });
}

export function useDeleteAdminRecord(list: AdminList) {
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/${list}/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export type UserListParams = { q?: string; role?: string; page: number; pageSize: number };

export function useAdminUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['admin', 'users', params],
    queryFn: () => api.get<Page<User>>('/api/users', { sort: 'name', ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: (input: UserInput) => api.post<User>('/api/users', input),
    onSuccess: refresh,
  });
}

/** Changes a user based on the version the admin saw: someone else's change first is a 409. */
export function useUpdateUser() {
  const refresh = useRefreshAfterWrite();
  return useMutation({
    mutationFn: ({ user, patch }: { user: Pick<User, 'id' | 'version'>; patch: UserPatch }) =>
      api.patch<User>(`/api/users/${user.id}`, patch, user.version),
    onSuccess: refresh,
  });
}

export function useUserTokens(userId: string | null) {
  return useQuery({
    queryKey: ['admin', 'users', userId, 'tokens'],
    queryFn: () => api.get<Page<ApiToken>>(`/api/users/${userId}/tokens`),
    enabled: userId !== null,
  });
}

export function useRevokeUserToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, tokenId }: { userId: string; tokenId: string }) =>
      api.delete(`/api/users/${userId}/tokens/${tokenId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useOrganisationSettings() {
  return useQuery({
    queryKey: ['admin', 'organisation'],
    queryFn: () => api.get<OrganisationSettings>('/api/organisation'),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: OrganisationPatch; version: number }) =>
      api.patch<OrganisationSettings>('/api/organisation', patch, version),
    // The session carries the organisation (its name, currency, time zone, fiscal year).
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['admin', 'organisation'] }),
        queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
      ]),
  });
}

export type AuditLogParams = {
  userId?: string | null;
  entityType?: string | null;
  from?: string | null;
  to?: string | null;
  page: number;
  pageSize: number;
};

export function useAuditLog(params: AuditLogParams) {
  return useQuery({
    queryKey: ['admin', 'audit-log', params],
    queryFn: () => api.get<Page<AuditEntry>>('/api/audit-log', params),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEntityTypes() {
  return useQuery({
    queryKey: ['admin', 'audit-log', 'entity-types'],
    queryFn: () => api.get<{ items: string[] }>('/api/audit-log/entity-types'),
  });
}
