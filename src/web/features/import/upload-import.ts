import type { ImportReport, ImportRequest } from '../../../schemas/import';
import { ApiError } from '../../api/client';

// The import's files go up as multipart/form-data through XMLHttpRequest: fetch cannot report
// upload progress, and a 100 MB export takes a while on a slow line.

export type UploadProgress = { loaded: number; total: number };

type ErrorBody = {
  error?: { code?: string; message?: string; issues?: { field: string; reason: string }[] };
};

export function uploadImport(
  request: ImportRequest,
  files: readonly File[],
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportReport> {
  const form = new FormData();
  form.append('request', JSON.stringify(request));
  files.forEach((file) => form.append('files', file, file.name));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, 'network', 'Cannot reach the server. Check your connection and retry.'),
      );
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as ImportReport);
        return;
      }
      const error = (body as ErrorBody | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          error?.code ?? 'internal',
          error?.message ?? `The server answered ${xhr.status}`,
          (error?.issues ?? []).map((issue) => ({ field: issue.field, reason: issue.reason })),
        ),
      );
    };
    xhr.send(form);
  });
}

/** The start of a file for the preview: about 64 KB, cut after its last whole line. */
export async function startOf(file: File): Promise<string> {
  const size = 64 * 1024;
  const text = await file.slice(0, size).text();
  if (file.size <= size) return text;
  const end = Math.max(text.lastIndexOf('\n'), 0);
  return text.slice(0, end + 1);
}
