import { resourceHooks } from '../../api/resource-hooks';
import type {
  Opportunity,
  OpportunityDetail,
  OpportunityInput,
  OpportunityPatch,
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

const products = resourceHooks<Product, ProductInput>('products');

/** Products for pickers and filters, by name. */
export function useProductOptions() {
  return products.useList({ pageSize: 500, sort: 'name', order: 'asc' });
}
