import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { ImpactService } from './impact.service.js';
import {
  impactMethodBodySchema,
  impactMethodSchema,
  impactQuerySchema,
  impactReportSchema,
  occupationBodySchema,
  occupationSchema,
  publicImpactReportSchema,
  statedOccupationBodySchema,
} from './impact.schemas.js';

const reportQuerySchema = impactQuerySchema.extend({ lang: z.enum(['zh', 'en']).default('zh').describe('the document’s language') });

const statedOccupationSchema = z.object({ occupation: occupationSchema.nullable() });

export function registerImpactRoutes(app: App, impact: ImpactService) {
  app.get('/api/impact', {
    config: { access: ['admin', 'bureau'] },
    schema: {
      tags: ['impact'],
      summary: 'The employment impact report (GROW): measured, estimated (with its method version), occupations and live-recruitment figures for a window, region and campaign; a bureau sees its own province',
      querystring: impactQuerySchema,
      response: { 200: impactReportSchema },
    },
  }, async (request) => impact.getReportForUser(request.user!, request.query));

  app.get('/api/impact/report.html', {
    config: { access: ['admin', 'bureau'] },
    schema: { tags: ['impact'], summary: 'The printable impact report (four GROW parts, definitions in notes) as one self-contained HTML page, in Chinese or English', querystring: reportQuerySchema },
  }, async (request, reply) => {
    const { lang, ...query } = request.query;
    return reply.type('text/html; charset=utf-8').send(await impact.renderReportForUser(request.user!, query, lang));
  });

  app.get('/api/impact/report.pdf', {
    config: { access: ['admin', 'bureau'], limit: 'report-pdf' },
    schema: { tags: ['impact'], summary: 'The printable impact report as an A4 PDF (headless Chromium on the server)', querystring: reportQuerySchema },
  }, async (request, reply) => {
    const { lang, ...query } = request.query;
    const pdf = await impact.printReportPdf(await impact.renderReportForUser(request.user!, query, lang));
    const region = query.cityCode ?? query.provinceCode ?? request.user!.provinceCode ?? 'all';
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="jobcast-impact-${encodeURIComponent(region)}-${query.from}-${query.to}-${lang}.pdf"`)
      .send(pdf);
  });

  app.get('/api/public/impact', {
    config: { access: 'public' },
    schema: {
      tags: ['impact'],
      summary: 'The impact report for everyone (/impact): every count below 10 withheld (null, its path in suppressed), with the linked cells that would give one back',
      querystring: impactQuerySchema,
      response: { 200: publicImpactReportSchema },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return impact.getPublicReport(request.query);
  });

  app.get('/api/impact/methods', {
    config: { access: ['admin', 'bureau'] },
    schema: { tags: ['impact'], summary: 'Every version of the estimate’s method, newest first (who stored it, when)', response: { 200: z.object({ methods: z.array(impactMethodSchema) }) } },
  }, async () => ({ methods: await impact.listMethods() }));

  app.post('/api/admin/impact/methods', {
    config: { access: ['admin'] },
    schema: {
      tags: ['impact'],
      summary: 'Store the next version of the estimate’s method (stored versions never change)',
      body: impactMethodBodySchema,
      response: { 201: impactMethodSchema },
    },
  }, async (request, reply) => reply.status(201).send(await impact.createMethodVersion(request.user!, request.body)));

  app.get('/api/occupations', {
    config: { access: 'public' },
    schema: { tags: ['impact'], summary: 'The occupations catalogue (新职业): group, classification code and batch where sourced, source', response: { 200: z.object({ occupations: z.array(occupationSchema) }) } },
  }, async () => ({ occupations: await impact.listOccupations() }));

  app.post('/api/admin/occupations', {
    config: { access: ['admin'] },
    schema: { tags: ['impact'], summary: 'Add an occupation to the catalogue (with its source)', body: occupationBodySchema, response: { 201: occupationSchema } },
  }, async (request, reply) => reply.status(201).send(await impact.createOccupation(request.user!, request.body)));

  app.put('/api/admin/occupations/:occupationId', {
    config: { access: ['admin'] },
    schema: {
      tags: ['impact'],
      summary: 'Correct a catalogue entry (name, group, code and batch with their source)',
      params: z.object({ occupationId: z.coerce.number().int().min(1).max(2_147_483_647) }),
      body: occupationBodySchema,
      response: { 200: occupationSchema },
    },
  }, async (request) => impact.updateOccupation(request.user!, request.params.occupationId, request.body));

  app.get('/api/me/occupation', {
    config: { access: ['host', 'employer', 'bureau'] },
    schema: { tags: ['impact'], summary: 'The occupation I state on my profile', response: { 200: statedOccupationSchema } },
  }, async (request) => impact.getStatedOccupation(request.user!));

  app.put('/api/me/occupation', {
    config: { access: ['host', 'employer', 'bureau'] },
    schema: { tags: ['impact'], summary: 'State my occupation (hosts, recruiters, bureau staff); null clears it', body: statedOccupationBodySchema, response: { 200: statedOccupationSchema } },
  }, async (request) => impact.stateOccupation(request.user!, request.body.occupationId));
}
