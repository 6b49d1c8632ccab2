import { z } from 'zod';
import type { FigureName } from '../../../../contracts/analytics.js';
import type { App } from '../../platform/http.js';
import type { AnalyticsService } from './analytics.service.js';
import { analyticsQuerySchema, analyticsResponseSchema, FIGURE_SLUGS, figureSlugSchema, publicAnalyticsResponseSchema } from './analytics.schemas.js';

const FIGURE_BY_SLUG = new Map(Object.entries(FIGURE_SLUGS).map(([figure, slug]) => [slug as string, figure as FigureName]));
const csvParams = z.object({ figure: figureSlugSchema.describe(`one of ${Object.values(FIGURE_SLUGS).join(', ')}`) });

/** Names the figure, the region (its code; none for the whole country) and the window, so downloads do not collide. */
function csvFileName(slug: string, figures: { window: { from: string; to: string }; region: { code: string } | null }) {
  return `jobcast-${slug}${figures.region ? `-${figures.region.code}` : ''}-${figures.window.from}-${figures.window.to}.csv`;
}

export function registerAnalyticsRoutes(app: App, analytics: AnalyticsService) {
  app.get('/api/analytics', {
    config: { access: ['admin', 'bureau'] },
    schema: {
      tags: ['analytics'],
      summary: 'Resume-flow figures for a window (China time, both ends included) and region; a bureau sees its province by default',
      querystring: analyticsQuerySchema,
      response: { 200: analyticsResponseSchema },
    },
  }, async (request) => analytics.getFiguresForUser(request.user!, request.query));

  app.get('/api/analytics/:figure.csv', {
    config: { access: ['admin', 'bureau'] },
    schema: { tags: ['analytics'], summary: 'One figure as CSV', params: csvParams, querystring: analyticsQuerySchema },
  }, async (request, reply) => {
    const figures = await analytics.getFiguresForUser(request.user!, request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csvFileName(request.params.figure, figures)}"`)
      .send(analytics.figureCsv(figures, FIGURE_BY_SLUG.get(request.params.figure)!));
  });

  app.get('/api/analytics/report.html', {
    config: { access: ['admin', 'bureau'] },
    schema: { tags: ['analytics'], summary: 'The printable report (charts, tables, method) as one self-contained HTML page', querystring: analyticsQuerySchema },
  }, async (request, reply) => reply.type('text/html; charset=utf-8').send(await analytics.renderReportForUser(request.user!, request.query)));

  app.get('/api/public/analytics', {
    config: { access: 'public' },
    schema: {
      tags: ['analytics'],
      summary: 'The same figures for everyone, with every count below 10 suppressed (null, suppressed: true)',
      querystring: analyticsQuerySchema,
      response: { 200: publicAnalyticsResponseSchema },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return analytics.getPublicFigures(request.query);
  });

  app.get('/api/public/analytics/map.geojson', {
    config: { access: 'public' },
    schema: { tags: ['analytics'], summary: 'The China base map (GeoJSON of provinces) the dashboard draws on; replaceable with ANALYTICS_MAP_GEOJSON (an approved map, 审图号, for public use)' },
  }, async (_request, reply) => {
    return reply.type('application/geo+json; charset=utf-8').header('cache-control', 'public, max-age=86400').send(await analytics.getMapGeoJson());
  });

  app.get('/api/public/analytics/:figure.csv', {
    config: { access: 'public' },
    schema: { tags: ['analytics'], summary: 'One public (suppressed) figure as CSV', params: csvParams, querystring: analyticsQuerySchema },
  }, async (request, reply) => {
    const figures = await analytics.getPublicFigures(request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', `attachment; filename="${csvFileName(request.params.figure, figures)}"`)
      .send(analytics.figureCsv(figures, FIGURE_BY_SLUG.get(request.params.figure)!));
  });
}
