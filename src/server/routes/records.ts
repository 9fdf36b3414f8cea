/** Contributions, the register of documents issued, rewards paid. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema } from '../../core/text/date';
import { addContribution, addIssuedDocument, listRecords, recordRewardPaid } from '../../app/records/records';
import { requireActor } from '../auth';
import type { RouteDeps } from './deps';
import { createdRowSchema, recordsSchema } from './responses';
import { codeParam, yearQuery } from './programs';
import { id, idText } from './schemas';

const money = z.number().int('phải là số nguyên').min(0, 'không được âm').max(1e12);
const isoDate = isoDateSchema();
const year = z.number().int().min(1990).max(2100);

export const recordRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/programs/:code/records',
      {
        schema: {
          tags: ['records'],
          summary: 'Kinh phí, ngày công, đất hiến và văn bản đã ban hành',
          params: codeParam,
          querystring: z.object({ year: yearQuery, unit: idText.optional() }),
          response: { 200: recordsSchema },
        },
      },
      async (request) => listRecords(db, requireActor(request), { programCode: request.params.code, year: request.query.year, unitId: request.query.unit }),
    );

    app.post(
      '/api/programs/:code/contributions',
      {
        schema: {
          tags: ['records'],
          summary: 'Ghi nhận kinh phí, đất hiến, ngày công',
          params: codeParam,
          body: z.object({
            year,
            unitId: id,
            budgetAmount: money.default(0),
            peopleAmount: money.default(0),
            landM2: money.default(0),
            workdays: money.default(0),
            note: z.string().max(1000).nullable().optional(),
          }),
          response: { 201: createdRowSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await addContribution(db, requireActor(request), { programCode: request.params.code, ...request.body })),
    );

    app.post(
      '/api/programs/:code/documents-issued',
      {
        schema: {
          tags: ['records'],
          summary: 'Sổ văn bản đã ban hành (Phụ lục 1)',
          params: codeParam,
          body: z.object({
            year,
            unitId: id,
            issuer: z.string().trim().min(1).max(300),
            docType: z.string().trim().min(1).max(100),
            number: z.string().trim().min(1).max(100),
            issuedOn: isoDate,
            summary: z.string().trim().min(1).max(2000),
          }),
          response: { 201: createdRowSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addIssuedDocument(db, requireActor(request), { programCode: request.params.code, ...request.body })),
    );

    app.post(
      '/api/rewards-paid',
      {
        schema: {
          tags: ['records'],
          summary: 'Ghi nhận tiền thưởng đã chi',
          body: z.object({ recognitionId: id, amount: money, paidOn: isoDate, note: z.string().max(1000).nullable().optional() }),
          response: { 201: createdRowSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await recordRewardPaid(db, requireActor(request), request.body)),
    );
  };
