import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ListResponse, ReadErrors } from '../../schemas/common';
import { AuditEntityTypes, AuditEntry, AuditLogQuery } from '../../schemas/audit-log';
import { listAuditLog, listAuditLogEntityTypes } from '../../services/audit';
import { actorOf } from '../authentication';

export const auditLogRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/audit-log',
    {
      schema: {
        tags: ['audit-log'],
        summary: 'Who changed what and when (admins), filtered by user, record and days',
        querystring: AuditLogQuery,
        response: { 200: ListResponse(AuditEntry), ...ReadErrors },
      },
    },
    async (request) => listAuditLog(db, actorOf(request), request.query),
  );

  app.get(
    '/api/audit-log/entity-types',
    {
      schema: {
        tags: ['audit-log'],
        summary: 'The kinds of record the audit log has entries for (admins)',
        response: { 200: AuditEntityTypes, ...ReadErrors },
      },
    },
    async (request) => listAuditLogEntityTypes(db, actorOf(request)),
  );
};
