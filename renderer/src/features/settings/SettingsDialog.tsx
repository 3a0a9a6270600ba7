import { useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores/app';
import { useWorkspace } from '../../stores/workspace';
import { AboutPanel } from '../shell/AboutPanel';
import { AiSettingsSection } from '../ai/settings';
import { AuditLog } from '../audit';
import { BackupPanel } from '../backup';
import { AutomationSection } from '../automation';
import { SecurityPanel } from '../security';
import { TagsSettings } from '../tags';
import { ApiKeys } from '../integrations';
import { WebhooksPanel } from '../webhooks';
import { CloudNumbersPanel } from '../cloud';
import { MembersAdmin, TeamView, WorkspacePanel } from '../team';
import { TwoStepSection } from '../security/mfa';
import { TeamRules } from '../handover';
import { GeneralSettings } from './GeneralSettings';
import { NotificationSettings } from './NotificationSettings';
import { TemplatesEditor } from './TemplatesEditor';

export const SETTINGS_SECTIONS = [
  'general',
  'notifications',
  'numbers',
  'templates',
  'team',
  'ai',
  'automation',
  'integrations',
  'backup',
  'about',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/**
 * Sections whose settings live on a team workspace: signed out, they say so instead of
 * showing nothing. (Automation is not one: signed out, it edits this desktop's own.)
 */
const WORKSPACE_ONLY = ['numbers', 'integrations'] as const;
const workspaceOnly = (s: SettingsSection): s is (typeof WORKSPACE_ONLY)[number] =>
  (WORKSPACE_ONLY as readonly string[]).includes(s);

/** The section shown when Settings opens again: where the user last was, while the app runs. */
let lastSection: SettingsSection = 'general';

function SectionBody({ section }: { readonly section: SettingsSection }) {
  const info = useAppStore(x => x.info);
  switch (section) {
    case 'general':
      return <GeneralSettings />;
    case 'notifications':
      return <NotificationSettings />;
    case 'numbers':
      return <CloudNumbersPanel />;
    case 'templates':
      return (
        <>
          <TemplatesEditor />
          <TagsSettings />
        </>
      );
    case 'team':
      return (
        <>
          <WorkspacePanel />
          <SecurityPanel />
          <TwoStepSection />
          <TeamView />
          <TeamRules />
          <MembersAdmin />
          <AuditLog />
        </>
      );
    case 'ai':
      return <AiSettingsSection />;
    case 'automation':
      return <AutomationSection />;
    case 'integrations':
      return (
        <>
          <ApiKeys />
          <WebhooksPanel />
        </>
      );
    case 'backup':
      return <BackupPanel />;
    case 'about':
      return info ? <AboutPanel info={info} /> : null;
  }
}

/**
 * Settings in sections: a list of sections on the side (tabs: arrow keys move between them)
 * and one section's panels at a time, instead of one long page.
 */
export function SettingsDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const [section, setSection] = useState<SettingsSection>(lastSection);
  const signedOut = useWorkspace(s => s.status.connection === 'signed_out');
  const id = useId();
  const choose = (next: SettingsSection) => {
    lastSection = next;
    setSection(next);
  };
  const onKey = (e: React.KeyboardEvent) => {
    const i = SETTINGS_SECTIONS.indexOf(section);
    const step =
      e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = SETTINGS_SECTIONS[(i + step + SETTINGS_SECTIONS.length) % SETTINGS_SECTIONS.length] ?? 'general';
    choose(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
  const label = (s: SettingsSection) => t(`settings.section.${s}`);
  return (
    <Dialog title={t('settings.title')} onClose={onClose} className="settings">
      <div className="settings-layout">
        <div
          role="tablist"
          aria-label={t('settings.sections')}
          aria-orientation="vertical"
          className="settings-nav"
          onKeyDown={onKey}
        >
          {SETTINGS_SECTIONS.map(s => (
            <button
              key={s}
              id={`${id}-tab-${s}`}
              type="button"
              role="tab"
              aria-selected={s === section}
              aria-controls={`${id}-panel`}
              tabIndex={s === section ? 0 : -1}
              onClick={() => choose(s)}
            >
              {label(s)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${section}`} className="settings-panel">
          {signedOut && workspaceOnly(section) && (
            <p className="small muted">{t(`settings.section.${section}.signedOut`)}</p>
          )}
          <SectionBody section={section} />
        </div>
      </div>
    </Dialog>
  );
}
