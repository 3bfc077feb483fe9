// Charts of the statistics screen (Chart.js, loaded only there). Every chart has a data table beside
// it on the screen; the canvas is labelled as an image for assistive technologies.
import { ArcElement, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar, Doughnut } from 'react-chartjs-2';
import { INTL_LOCALES, isLang } from '../i18n';

ChartJS.register(CategoryScale, LinearScale, BarElement, ArcElement, Tooltip, Legend);

const COLOURS = ['#1f4e79', '#b35c00', '#1e6b34', '#6b2c91', '#a61b1b', '#4a5563'];

export interface Series {
  label: string;
  values: number[];
}

export function BarChart({
  labels, series, title, rtl, lang, horizontal = false, id,
}: { labels: string[]; series: Series[]; title: string; rtl: boolean; lang: string; horizontal?: boolean; id?: string }) {
  const data = {
    labels,
    datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length] })),
  };
  const valueAxis = { beginAtZero: true, reverse: horizontal && rtl, ticks: { precision: 0 } };
  const categoryAxis = { position: horizontal ? (rtl ? 'right' : 'left') : 'bottom', reverse: !horizontal && rtl, ticks: { autoSkip: false } } as const;
  return (
    <div className="chart-box" id={id}>
      <Bar
        data={data}
        aria-label={title}
        role="img"
        options={{
          indexAxis: horizontal ? 'y' : 'x',
          maintainAspectRatio: false,
          locale: isLang(lang) ? INTL_LOCALES[lang] : lang,
          plugins: { legend: { display: series.length > 1, rtl, position: 'top' }, tooltip: { rtl } },
          scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: { ...valueAxis, position: rtl ? 'right' : 'left' } },
          animation: false,
        }}
      />
    </div>
  );
}

export function ShareChart({
  met, late, labels, title, rtl, lang, id,
}: { met: number; late: number; labels: [string, string]; title: string; rtl: boolean; lang: string; id?: string }) {
  return (
    <div className="chart-box chart-small" id={id}>
      <Doughnut
        data={{ labels, datasets: [{ data: [met, late], backgroundColor: ['#1e6b34', '#a61b1b'] }] }}
        aria-label={title}
        role="img"
        options={{
          maintainAspectRatio: false,
          locale: isLang(lang) ? INTL_LOCALES[lang] : lang,
          plugins: { legend: { rtl, position: 'bottom' }, tooltip: { rtl } },
          animation: false,
        }}
      />
    </div>
  );
}

