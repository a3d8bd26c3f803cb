import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FieldIssue } from '../domain/errors';
import { BadRequestInput, nulBytePaths } from './text-input';

// A multipart upload (the web Import page's CSV files): a JSON field `request` first, then the
// files, each written to a temporary folder as its bytes arrive, so a file is never whole in
// memory and the import's transaction never waits on a slow client. The caller removes the folder.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads a multipart body as a stream: this describes it in the OpenAPI document. */
    multipartBody?: z.ZodType;
  }
}

/** A request larger than the server takes: 413 with the field and the limit. */
export class PayloadTooLarge extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.reason}`).join('; '));
    this.name = 'PayloadTooLarge';
    this.issues = issues;
  }
}

export type ReceivedUpload<T> = {
  fields: T;
  files: { name: string; path: string }[];
  remove(): Promise<void>;
};

export type UploadLimits = { maxFileBytes: number; maxFiles: number };

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;

function parseRequestField<S extends z.ZodType>(value: unknown, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(String(value));
  } catch {
    throw new BadRequestInput([{ field: 'request', reason: 'is not JSON' }]);
  }
  const nulPaths = nulBytePaths(json, 'request');
  if (nulPaths.length > 0) {
    throw new BadRequestInput(
      nulPaths.map((field) => ({ field, reason: 'contains a NUL character' })),
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new BadRequestInput(
      parsed.error.issues.map((issue) => ({
        field: ['request', ...issue.path.map(String)].join('.'),
        reason: issue.message,
      })),
    );
  }
  return parsed.data;
}

/** Multipart's own refusals (busboy, @fastify/multipart) as our 400 and 413. */
function refusalOf(error: unknown, limits: UploadLimits, fileIndex: number, fileName: string) {
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new PayloadTooLarge([
      {
        field: `files.${fileIndex}`,
        reason: `${fileName} is larger than the limit of ${sizeOf(limits.maxFileBytes)} per file`,
      },
    ]);
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new PayloadTooLarge([
      { field: 'files', reason: `at most ${limits.maxFiles} files in one import` },
    ]);
  }
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PROTO_VIOLATION') {
    return new BadRequestInput([{ field: 'body', reason: 'one field, request, then the files' }]);
  }
  if (error instanceof BadRequestInput || error instanceof PayloadTooLarge) return error;
  // Busboy's: a body cut short or a broken boundary (the disk's own errors stay 500s).
  if (error instanceof Error && !('syscall' in error)) {
    return new BadRequestInput([
      { field: 'body', reason: `is not a readable multipart body (${error.message})` },
    ]);
  }
  return error;
}

/** Reads the `request` field with `schema`, then spools each file to disk. */
export async function receiveUpload<S extends z.ZodType>(
  request: FastifyRequest,
  schema: S,
  limits: UploadLimits,
): Promise<ReceivedUpload<z.infer<S>>> {
  if (!request.isMultipart()) {
    throw new BadRequestInput([
      {
        field: 'body',
        reason: 'send multipart/form-data: a field "request" (JSON), then the CSV files',
      },
    ]);
  }
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'salesplan-upload-'));
  const remove = () => fs.promises.rm(folder, { recursive: true, force: true });
  const files: { name: string; path: string }[] = [];
  let fields: z.infer<S> | undefined;
  let fileName = '';
  let fileIndex = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname !== 'request' || fields !== undefined) {
          throw new BadRequestInput([
            { field: part.fieldname, reason: 'is not a field of this upload (only request)' },
          ]);
        }
        fields = parseRequestField(part.value, schema);
        continue;
      }
      fileName = part.filename || `file ${files.length + 1}`;
      if (fields === undefined) {
        part.file.resume();
        throw new BadRequestInput([{ field: 'request', reason: 'must come before the files' }]);
      }
      const target = path.join(folder, `${files.length}.csv`);
      fileIndex = files.length;
      await pipeline(part.file, fs.createWriteStream(target));
      if (part.file.truncated)
        throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
      files.push({ name: fileName, path: target });
    }
    if (fields === undefined) {
      throw new BadRequestInput([{ field: 'request', reason: 'is missing' }]);
    }
    return { fields, files, remove };
  } catch (error) {
    await remove();
    throw refusalOf(error, limits, fileIndex, fileName);
  }
}
