import { BarChart, PieChart, SankeyChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { MAP_NAME } from './chart-options';

echarts.use([BarChart, PieChart, SankeyChart, ScatterChart, GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** Registers the China map once; charts with a geo component need it first. */
export function registerChinaMap(geoJson: object) {
  if (!echarts.getMap(MAP_NAME)) echarts.registerMap(MAP_NAME, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

/** One ECharts instance in a div; resized with the window, disposed on unmount. */
export function EChart({ option, height, testId }: { option: EChartsCoreOption; height: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current);
    chart.setOption(option);
    const handleResize = () => chart.resize();
    window.addEventListener('resize', handleResize);
    return () => {
      window.removeEventListener('resize', handleResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}
