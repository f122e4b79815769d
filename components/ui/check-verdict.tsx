import { ErrorText } from './error-text';

/**
 * The broker's verdict on a dry run (validateOnly): what it would change, line by line, or its
 * refusal. Shown only while the form still holds what was checked.
 */
export function CheckVerdict({ accepted, refusal }: { accepted: string[] | null; refusal: string | null }) {
  if (refusal) return <ErrorText>{refusal}</ErrorText>;
  if (!accepted) return null;
  return (
    <div role="status" className="rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">
      <p className="font-medium">Kafka accepts this change (checked, nothing changed yet){accepted.length ? ':' : '; it would change nothing.'}</p>
      {accepted.length ? (
        <ul className="mt-1 list-inside list-disc font-mono text-xs">
          {accepted.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
