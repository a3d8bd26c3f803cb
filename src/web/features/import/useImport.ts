import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ImportReport, ImportRequest, PreviewResponse } from '../../../schemas/import';

/** The header and first rows of a file, with the server's proposed column map. */
export function usePreviewFile() {
  return useMutation({
    mutationFn: (content: string) =>
      api.post<PreviewResponse>('/api/import/preview', { content, rows: 5 }),
  });
}

/** A dry run or an import; after a real import every list may have changed. */
export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportRequest) => api.post<ImportReport>('/api/import', request),
    onSuccess: (report) => {
      if (report.status === 'imported') void queryClient.invalidateQueries();
    },
  });
}
