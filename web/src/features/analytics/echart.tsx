import { BarChart, PieChart, SankeyChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { MAP_NAME } from './chart-options';

echarts.use([BarChart, PieChart, SankeyChart, ScatterChart, GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

/** Registers the China map once; charts with a geo component need it first. */
export function registerChinaMap(geoJson: object) {
  if (!echarts.getMap(MAP_NAME)) echarts.registerMap(MAP_NAME, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

export { EChart } from '../../components/echart';
