import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the impact page draws itself (the Widespread part brings the analytics' own registrations).
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { EChart } from '../../components/echart';
