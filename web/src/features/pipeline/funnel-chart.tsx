import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { EChart } from '../../components/echart';
import type { Language } from '../../app/i18n';
import type { Funnel } from './api';
import { funnelComparisonOption } from './funnel-option';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function FunnelComparisonChart({ sessions, language }: { sessions: Funnel[]; language: Language }) {
  const option = useMemo(() => funnelComparisonOption(sessions, language), [sessions, language]);
  return <EChart option={option} height={320} testId="funnel-chart" />;
}
