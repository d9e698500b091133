import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import type { Unit } from './types.js';

/** The handling units as their tree (region › city › county › department), filtered by any part of the path; ticks choose where a ticket goes. */
export function UnitPicker({ chosen, onChange }: { chosen: number[]; onChange: (ids: number[]) => void }) {
  const [units, setUnits] = useState<Unit[]>([]);
  const [filter, setFilter] = useState('');
  useEffect(() => void api<Unit[]>('GET', '/api/units').then((all) => setUnits(all.filter((u) => u.active))), []);
  const shown = units.filter((u) => !filter || u.path.join(' ').includes(filter)).sort((a, b) => a.path.join('›').localeCompare(b.path.join('›'), 'zh'));
  const toggle = (id: number) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  return (
    <div class="unit-picker" data-testid="unit-picker">
      <input type="search" name="unit-search" placeholder="搜索承办单位" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      <ul>
        {shown.map((u) => (
          <li style={{ paddingLeft: `${(u.path.length - 1) * 14}px` }}>
            <label>
              <input type="checkbox" checked={chosen.includes(u.id)} onChange={() => toggle(u.id)} /> {u.name}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
