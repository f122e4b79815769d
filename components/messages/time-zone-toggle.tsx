import type { TimeZoneChoice } from '@/lib/timestamp-format';

const CHOICES: { value: TimeZoneChoice; label: string }[] = [
  { value: 'utc', label: 'UTC' },
  { value: 'local', label: 'local' },
];

/** UTC or local time for the timestamps; a small segmented switch in the list's header. */
export function TimeZoneToggle({ value, onChange }: { value: TimeZoneChoice; onChange: (zone: TimeZoneChoice) => void }) {
  return (
    <span role="radiogroup" aria-label="Timestamps in" className="inline-flex overflow-hidden rounded border border-slate-300 normal-case tracking-normal">
      {CHOICES.map((c) => (
        <button
          key={c.value}
          type="button"
          role="radio"
          aria-checked={value === c.value}
          onClick={() => onChange(c.value)}
          className={`px-1.5 leading-4 ${value === c.value ? 'bg-indigo-600 text-white' : 'bg-white hover:bg-slate-50'}`}
        >
          {c.label}
        </button>
      ))}
    </span>
  );
}
