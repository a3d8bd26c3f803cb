import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type QueryValue } from './client';

export type ListParams = Record<string, QueryValue>;

/**
 * The TanStack Query hooks every CRUD resource of the API shares: list (`{ items, total }`),
 * detail, create, update (PATCH) and delete. Writes refresh every cached query of the resource.
 */
export function resourceHooks<Item, Input, Patch = Partial<Input>, Detail = Item>(
  resource: string,
) {
  const path = `/api/${resource}`;
  const keys = {
    all: [resource] as const,
    list: (params: ListParams) => [resource, 'list', params] as const,
    detail: (id: string) => [resource, 'detail', id] as const,
  };

  function useList(params: ListParams, options: { enabled?: boolean } = {}) {
    return useQuery({
      queryKey: keys.list(params),
      queryFn: () => api.get<Page<Item>>(path, params),
      // Keep the current page on screen while the next one loads, instead of a flash of skeleton.
      placeholderData: keepPreviousData,
      enabled: options.enabled ?? true,
    });
  }

  function useDetail(id: string | undefined) {
    return useQuery({
      queryKey: keys.detail(id ?? ''),
      queryFn: () => api.get<Detail>(`${path}/${id}`),
      enabled: Boolean(id),
    });
  }

  function useCreate() {
    const queryClient = useQueryClient();
    return useMutation({
      mutationFn: (input: Input) => api.post<Item>(path, input),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
    });
  }

  function useUpdate() {
    const queryClient = useQueryClient();
    return useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Patch }) =>
        api.patch<Item>(`${path}/${id}`, patch),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
    });
  }

  function useDelete() {
    const queryClient = useQueryClient();
    return useMutation({
      mutationFn: (id: string) => api.delete(`${path}/${id}`),
      onSuccess: (_result, id) => {
        queryClient.removeQueries({ queryKey: keys.detail(id) });
        return queryClient.invalidateQueries({ queryKey: keys.all });
      },
    });
  }

  return { keys, useList, useDetail, useCreate, useUpdate, useDelete };
}
