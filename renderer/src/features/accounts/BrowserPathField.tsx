/**
 * The browser a whatsapp-web.js number runs: shows what was detected on this computer, and
 * checks a typed path (exists, a file, may run) as the core will when it is saved.
 */
import { useEffect, useState } from 'react';
import type { BrowserPathProblem } from '../../../../common/api/accounts';
import { api } from '../../api/client';
import { useAccountStatusT } from './account-status';

type Check = { readonly detected: string | null; readonly problem: BrowserPathProblem | null };

export function BrowserPathField({
  value,
  onChange,
}: {
  readonly value: string;
  readonly onChange: (v: string) => void;
}) {
  const s = useAccountStatusT();
  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    let live = true;
    const path = value.trim();
    // Checked a moment after typing stops, not on every key.
    const timer = setTimeout(() => {
      void api()
        .invoke('accounts:checkBrowser', path ? { path } : {})
        .then(r => {
          if (live && r.ok) setCheck(r.value);
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value]);
  const problem = value.trim() ? check?.problem : null;
  return (
    <label>
      {s('browser.label')}
      <input
        value={value}
        onChange={e => onChange(e.target.value)}
        placeholder={check?.detected ?? ''}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        data-testid="browser-path"
      />
      <span className="small muted" data-testid="browser-detected">
        {check === null
          ? ''
          : check.detected
            ? s('browser.detected', { path: check.detected })
            : s('browser.noneDetected')}
      </span>
      {problem ? (
        <span className="small error-text" role="alert">
          {s(`browser.problem.${problem}`)}
        </span>
      ) : (
        <span className="small muted">{s('browser.help')}</span>
      )}
    </label>
  );
}

/** The problem the core named when it refused a browser path, if that was the refusal. */
export function browserPathProblemOf(details: unknown): BrowserPathProblem | null {
  if (typeof details !== 'object' || details === null) return null;
  const d = details as { reason?: unknown; problem?: unknown };
  return d.reason === 'browser_path' &&
    (d.problem === 'missing' || d.problem === 'not_a_file' || d.problem === 'not_executable')
    ? d.problem
    : null;
}
