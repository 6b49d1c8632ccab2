import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { EChart } from '../../components/echart';
import type { Language } from '../../app/i18n';
import type { CampaignSession } from './api';
import { campaignComparisonOption } from './comparison-option';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The campaign's sessions side by side (applications, hires, 7-day stays, attrition). */
export function CampaignComparisonChart({ sessions, language }: { sessions: CampaignSession[]; language: Language }) {
  const option = useMemo(() => campaignComparisonOption(sessions, language), [sessions, language]);
  return <EChart option={option} height={340} testId="campaign-comparison-chart" />;
}
