import { describe, expect, it } from 'vitest';
import type { Template } from '../../../common/domain';
import { expandTemplate, matchTemplates, shortcutQuery, variablesOf } from '../../../renderer/src/lib/templates';

const tpl = (shortcut: string, title: string, body = ''): Template => ({ id: shortcut, shortcut, title, body });

describe('templates', () => {
  it('fills variables, tolerating spaces, and blanks unknown ones', () => {
    expect(
      expandTemplate('Hi {{contact.name}}, this is {{ agent.name }} from {{account.name}}{{nope}}.', {
        'contact.name': 'Budi',
        'agent.name': 'Sari',
        'account.name': 'Toko A',
      }),
    ).toBe('Hi Budi, this is Sari from Toko A.');
  });

  it('lists the variables a template uses', () => {
    expect(variablesOf('{{a.b}} {{c}} {{a.b}}')).toEqual(['a.b', 'c']);
  });

  it('recognises a /shortcut being typed', () => {
    expect(shortcutQuery('/')).toBe('');
    expect(shortcutQuery('/tha')).toBe('tha');
    expect(shortcutQuery('hello /tha')).toBeNull();
    expect(shortcutQuery('/thanks you')).toBeNull();
  });

  it('matches shortcut prefixes first, then titles', () => {
    const all = [tpl('thanks', 'Thank you'), tpl('hours', 'Opening hours'), tpl('ship', 'Shipping thanks note')];
    expect(matchTemplates(all, 'th').map(t => t.id)).toEqual(['thanks', 'ship']);
    expect(matchTemplates(all, '').map(t => t.id)).toEqual(['thanks', 'hours', 'ship']);
  });
});
