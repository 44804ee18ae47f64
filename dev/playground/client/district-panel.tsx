// The District tab: the school's district export and the district hub with three schools, read from the playground
// server (built from a copy of the school, so looking here changes nothing).
import { useEffect, useState } from 'preact/hooks';
import type { DistrictPlaygroundView } from '../types';
import { loadDistrict } from './api';
import { SheetGrid } from './sheet';

export function DistrictPanel({ openLink }: { openLink: (href: string) => void }) {
  const [view, setView] = useState<DistrictPlaygroundView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    loadDistrict().then(setView, (e: Error) => setProblem(e.message));
  }, []);
  if (problem) return <p role="alert">{problem}</p>;
  if (!view) return <p class="loading">Building the district: the export, two more schools and the hub…</p>;
  return (
    <div class="district">
      <p class="hint">{view.note}</p>
      <section aria-label={view.export.name}>
        <h2>{view.export.name}</h2>
        <SheetGrid spreadsheet={view.export} openLink={openLink} />
      </section>
      <section aria-label={view.hub.name}>
        <h2>{view.hub.name}</h2>
        <ul class="said">
          {view.said.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
        <SheetGrid spreadsheet={view.hub} openLink={openLink} />
      </section>
    </div>
  );
}
