import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { OptionalIfMatchHeaders, ReadErrors, WriteErrors } from '../../schemas/common';
import { OrganisationPatch, OrganisationSettings } from '../../schemas/organisation';
import { getOrganisationSettings, updateOrganisation } from '../../services/organisations';
import { actorOf } from '../authentication';

// The signed-in user's organisation also comes with GET /api/me; admins edit its settings here.
export const organisationRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/organisation',
    {
      config: { sendsEtag: true },
      schema: {
        tags: ['organisation'],
        summary: "The organisation's settings, with their version as ETag",
        response: { 200: OrganisationSettings, ...ReadErrors },
      },
    },
    async (request) => {
      const settings = await getOrganisationSettings(db, actorOf(request));
      return settings;
    },
  );

  app.patch(
    '/api/organisation',
    {
      config: { sendsEtag: true },
      schema: {
        tags: ['organisation'],
        summary:
          "Change the organisation's settings (admins): name, currency, fiscal-year start, time zone",
        headers: OptionalIfMatchHeaders,
        body: OrganisationPatch,
        response: { 200: OrganisationSettings, ...WriteErrors },
      },
    },
    async (request) => {
      const settings = await updateOrganisation(
        db,
        actorOf(request),
        request.body,
        request.headers['if-match'],
      );
      return settings;
    },
  );
};
