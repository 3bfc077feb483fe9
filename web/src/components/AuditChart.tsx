// Bar chart of the operations on the audit page shown (Chart.js, loaded only on this screen).
import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { INTL_LOCALES, isLang } from '../i18n';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip);

export default function AuditChart({
  counts, label, rtl, lang,
}: { counts: [string, number][]; label: string; rtl: boolean; lang: string }) {
  const data = {
    labels: counts.map(([op]) => op),
    datasets: [{ label, data: counts.map(([, n]) => n), backgroundColor: '#1f4e79' }],
  };
  return (
    <div className="chart-box">
      <Bar
        data={data}
        aria-label={label}
        role="img"
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          locale: isLang(lang) ? INTL_LOCALES[lang] : lang,
          plugins: { legend: { display: false }, tooltip: { rtl } },
          scales: { x: { beginAtZero: true, reverse: rtl, ticks: { precision: 0 } }, y: { position: rtl ? 'right' : 'left', ticks: { autoSkip: false } } },
          animation: false,
        }}
      />
    </div>
  );
}
