import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type {
  ExchangeRate,
  ExchangeRateEntry,
  ExchangeRateImportResult,
} from '../../../schemas/exchange-rates';

const RATES_KEY = ['exchange-rates'] as const;

export function useExchangeRates() {
  return useQuery({
    queryKey: RATES_KEY,
    queryFn: () => api.get<Page<ExchangeRate>>('/api/exchange-rates'),
  });
}

export function useSetExchangeRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currency, month, rate }: ExchangeRateEntry) =>
      api.put<ExchangeRate>(`/api/exchange-rates/${currency}/${month}`, { rate }),
    // Every converted figure may change with a rate.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useDeleteExchangeRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ currency, month }: { currency: string; month: string }) =>
      api.delete(`/api/exchange-rates/${currency}/${month}`),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useImportExchangeRates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      api.post<ExchangeRateImportResult>('/api/exchange-rates/import', { csv }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
