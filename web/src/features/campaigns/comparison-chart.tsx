import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Language } from '../../app/i18n';
import type { CampaignSession } from './api';
import { campaignComparisonOption } from './comparison-option';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The campaign's sessions side by side (applications, hires, 7-day stays, attrition). */
export function CampaignComparisonChart({ sessions, language }: { sessions: CampaignSession[]; language: Language }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption(campaignComparisonOption(sessions, language));
    const handleResize = () => chart.resize();
    window.addEventListener('resize', handleResize);
    return () => {
      window.removeEventListener('resize', handleResize);
      chart.dispose();
    };
  }, [sessions, language]);
  return <div ref={element} style={{ width: '100%', height: 340 }} data-testid="campaign-comparison-chart" />;
}
