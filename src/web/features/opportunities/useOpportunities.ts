import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '../../api/client';
import { resourceHooks } from '../../api/resource-hooks';
import type {
  Opportunity,
  OpportunityDetail,
  OpportunityInput,
  OpportunityPatch,
  OpportunitySummary,
} from '../../../schemas/opportunities';
import type { Product, ProductInput } from '../../../schemas/products';

const opportunities = resourceHooks<
  Opportunity,
  OpportunityInput,
  OpportunityPatch,
  OpportunityDetail
>('opportunities');

export const useOpportunityList = opportunities.useList;
export const useOpportunity = opportunities.useDetail;
export const useCreateOpportunity = opportunities.useCreate;
export const useUpdateOpportunity = opportunities.useUpdate;
export const useDeleteOpportunity = opportunities.useDelete;

/**
 * Count, value and weighted value of every deal the list's filters keep. Its key starts with the
 * resource's, so every write to a deal refreshes it with the list.
 */
export function useOpportunitySummary(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['opportunities', 'summary', filters],
    queryFn: () => api.get<OpportunitySummary>('/api/opportunities/summary', filters),
    placeholderData: keepPreviousData,
  });
}

const products = resourceHooks<Product, ProductInput>('products');

/** Products for pickers and filters, by name. */
export function useProductOptions() {
  return products.useList({ pageSize: 500, sort: 'name', order: 'asc' });
}
