import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ErrorResponse } from '../../schemas/common';
import { ImportReport, ImportRequest, PreviewRequest, PreviewResponse } from '../../schemas/import';
import { importUploads, previewUpload } from '../../services/import';
import { actorOf } from '../authentication';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };
// CSV files travel as JSON text; bigger exports go through `salesplan import` (docs/IMPORT.md).
const bodyLimit = 50 * 1024 * 1024;

export const importRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.post(
    '/api/import/preview',
    {
      bodyLimit,
      schema: {
        tags: ['import'],
        summary: 'The headers and first rows of a CSV file, with a proposed column map (admin)',
        body: PreviewRequest,
        response: { 200: PreviewResponse, ...errors },
      },
    },
    async (request) => previewUpload(actorOf(request), request.body.content, request.body.rows),
  );

  app.post(
    '/api/import',
    {
      bodyLimit,
      schema: {
        tags: ['import'],
        summary: 'Import CSV files into your organisation, or dry-run them (admin; all or nothing)',
        body: ImportRequest,
        response: { 200: ImportReport, ...errors },
      },
    },
    async (request) => importUploads(db, actorOf(request), request.body),
  );
};
