import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ErrorResponse } from '../../schemas/common';
import {
  ImportReport,
  ImportRequest,
  ImportSetup,
  ImportUpload,
  PreviewRequest,
  PreviewResponse,
} from '../../schemas/import';
import { importSetup, importUploads, previewUpload } from '../../services/import';
import { actorOf } from '../authentication';
import { receiveUpload } from '../multipart-upload';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };
/** The web page previews the first 64 KB of a file; the import itself is a multipart stream. */
const previewBodyLimit = 1024 * 1024;
const MAX_FILES = 6;

export const importRoutes: FastifyPluginAsyncZod<{ db: Database; maxFileBytes: number }> = async (
  app,
  { db, maxFileBytes },
) => {
  // Only these routes read multipart bodies; the limits are checked while the bytes arrive.
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxFileBytes, files: MAX_FILES, fields: 1, fieldSize: 1024 * 1024 },
  });
  const limits = { maxFileBytes, maxFiles: MAX_FILES };

  app.get(
    '/api/import/setup',
    {
      schema: {
        tags: ['import'],
        summary: 'The upload limit and your last column map per entity (admin, leader)',
        response: { 200: ImportSetup, ...errors },
      },
    },
    async (request) => importSetup(db, actorOf(request), maxFileBytes),
  );

  app.post(
    '/api/import/preview',
    {
      bodyLimit: previewBodyLimit,
      schema: {
        tags: ['import'],
        summary:
          'The headers and first rows of the start of a CSV file, with a proposed column map (admin, leader)',
        body: PreviewRequest,
        response: { 200: PreviewResponse, ...errors },
      },
    },
    async (request) => previewUpload(actorOf(request), request.body.content, request.body.rows),
  );

  app.post(
    '/api/import',
    {
      // Documented as multipart/form-data (http/openapi.ts); read as a stream, not validated whole.
      config: { multipartBody: ImportUpload },
      schema: {
        tags: ['import'],
        summary:
          'Import CSV files into your organisation, or dry-run them (admin, leader; all or nothing)',
        description:
          'multipart/form-data: a field `request` (ImportRequest as JSON), then one file part per ' +
          'entry of request.files, in that order. A file over the limit (GET /api/import/setup) is 413.',
        response: { 200: ImportReport, 413: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      importUploads(db, actorOf(request), () => receiveUpload(request, ImportRequest, limits)),
  );
};
