import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { WriteErrors } from '../../schemas/common';
import { Organisation, OrganisationPatch } from '../../schemas/organisation';
import { updateOrganisation } from '../../services/organisations';
import { actorOf } from '../authentication';

// The organisation itself is read through GET /api/me; its settings are changed here.
export const organisationRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.patch(
    '/api/organisation',
    {
      schema: {
        tags: ['organisation'],
        summary: "Change the organisation's settings (admins): its time zone",
        body: OrganisationPatch,
        response: { 200: Organisation, ...WriteErrors },
      },
    },
    async (request) => updateOrganisation(db, actorOf(request), request.body),
  );
};
