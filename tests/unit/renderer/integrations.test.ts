import { describe, expect, it } from 'vitest';
import { API_SCOPES } from '../../../common/protocol-api-keys';
import { integrationsErrorPhrase } from '../../../renderer/src/features/integrations/logic';
import { integrationsEn } from '../../../renderer/src/i18n/integrations.en';
import { integrationsId } from '../../../renderer/src/i18n/integrations.id';

describe('Settings → Integrations', () => {
  it('words refusals by code, not by the server’s sentence', () => {
    expect(integrationsErrorPhrase({ code: 'forbidden', message: 'x' }).key).toBe('integrations.error.forbidden');
    expect(integrationsErrorPhrase({ code: 'timeout', message: 'x' }).key).toBe('integrations.error.offline');
    expect(integrationsErrorPhrase({ code: 'not_found', message: 'x' }).key).toBe('integrations.error.notFound');
    expect(integrationsErrorPhrase({ code: 'conflict', message: 'x' }).key).toBe('integrations.error.tooMany');
    expect(integrationsErrorPhrase({ code: 'internal', message: 'boom' })).toEqual({
      key: 'integrations.error.failed',
      vars: { message: 'boom' },
    });
  });

  it('names and explains every scope in both languages', () => {
    for (const scope of API_SCOPES)
      for (const dict of [integrationsEn, integrationsId] as Array<Record<string, string>>) {
        expect(dict[`integrations.scope.${scope}`]).toBeTruthy();
        expect(dict[`integrations.scope.${scope}.help`]).toBeTruthy();
      }
    const same = Object.keys(integrationsEn).filter(
      k => integrationsEn[k as keyof typeof integrationsEn] === integrationsId[k as keyof typeof integrationsId],
    );
    expect(same).toEqual([]);
  });
});
