import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Language } from '../../app/i18n';
import type { Funnel } from './api';
import { funnelComparisonOption } from './funnel-option';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function FunnelComparisonChart({ sessions, language }: { sessions: Funnel[]; language: Language }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption(funnelComparisonOption(sessions, language));
    const handleResize = () => chart.resize();
    window.addEventListener('resize', handleResize);
    return () => {
      window.removeEventListener('resize', handleResize);
      chart.dispose();
    };
  }, [sessions, language]);
  return <div ref={element} style={{ width: '100%', height: 320 }} data-testid="funnel-chart" />;
}
