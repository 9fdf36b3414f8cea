/** A bar chart with Apache ECharts, importing only the bar chart and the parts it needs. */
import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([EBar, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export default function BarChart({
  categories,
  series,
  stacked = false,
}: {
  categories: string[];
  series: Array<{ name: string; data: number[] }>;
  stacked?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, bottom: 60, top: 30 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ ...s, type: 'bar', stack: stacked ? 'all' : undefined })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [categories, series, stacked]);
  return <div ref={ref} style={{ width: '100%', height: 280 }} role="img" aria-label={series.map((s) => s.name).join(', ')} />;
}
