import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { callbackSurveyStatuses } from '../db/schema/index.js';
import { ErrorResponse, OneOf } from '../http/schemas.js';
import { SurveyListItem, surveyFields } from './views.js';

const errorsOf = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/**
 * The supervisors' list of 智能回访: `failed` are the citizens a person must call back
 * (attempts used up, or no number to call); `pending` are waiting for their next call.
 */
const callbackSurveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/',
    {
      preHandler: app.requireRole('supervisor', 'admin'),
      schema: {
        querystring: Type.Object(
          { status: Type.Optional(OneOf(callbackSurveyStatuses)), limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(SurveyListItem), ...errorsOf },
      },
    },
    async (request) =>
      app.callbackSurveys.list(request.query.status, request.query.limit).map((row) => ({
        id: row.survey.id,
        ticket: row.ticketNumber,
        title: row.ticketTitle,
        ticketStatus: row.ticketStatus,
        caller: row.caller,
        ...surveyFields(row.survey, app.config.CALLBACK_SURVEY_ATTEMPTS),
      })),
  );
};

export default callbackSurveyRoutes;
