import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ImportRequest, ImportSetup, PreviewResponse } from '../../../schemas/import';
import { type UploadProgress, uploadImport } from './upload-import';

export const IMPORT_SETUP_KEY = ['import', 'setup'] as const;

/** The upload limit and the user's last column map per entity. */
export function useImportSetup() {
  return useQuery({
    queryKey: IMPORT_SETUP_KEY,
    queryFn: () => api.get<ImportSetup>('/api/import/setup'),
  });
}

/** The header and first rows of the start of a file, with the server's proposed column map. */
export function usePreviewFile() {
  return useMutation({
    mutationFn: (content: string) =>
      api.post<PreviewResponse>('/api/import/preview', { content, rows: 5 }),
  });
}

/**
 * A dry run or an import, uploaded with progress; after a real import every list may have
 * changed, and after either the last column maps have.
 */
export function useRunImport() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: ({ request, files }: { request: ImportRequest; files: File[] }) => {
      setProgress({ loaded: 0, total: files.reduce((sum, file) => sum + file.size, 0) });
      return uploadImport(request, files, setProgress);
    },
    onSettled: () => {
      setProgress(null);
      void queryClient.invalidateQueries({ queryKey: IMPORT_SETUP_KEY });
    },
    onSuccess: (report) => {
      if (report.status === 'imported') void queryClient.invalidateQueries();
    },
  });
  return { ...mutation, progress };
}
