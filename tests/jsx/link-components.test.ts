import { describe, expect, it } from 'vitest';
import { collectLinkComponents, DEFAULT_LINK_COMPONENTS, readSettingsLinkComponents } from '../../src/jsx/link-components';

describe('readSettingsLinkComponents', () => {
  it('reads the eslint-plugin-react forms', () => {
    expect(
      readSettingsLinkComponents({
        linkComponents: ['Hyperlink', { name: 'Link', linkAttribute: 'to' }, { name: 'Anchor', linkAttribute: ['to', 'href'] }, { name: 'Plain' }],
      }),
    ).toEqual([
      { name: 'Hyperlink', source: null, hrefProps: ['href'] },
      { name: 'Link', source: null, hrefProps: ['to'] },
      { name: 'Anchor', source: null, hrefProps: ['to', 'href'] },
      { name: 'Plain', source: null, hrefProps: ['href'] },
    ]);
  });

  it('skips what another plugin may have put there', () => {
    expect(readSettingsLinkComponents({})).toEqual([]);
    expect(readSettingsLinkComponents({ linkComponents: 'Link' })).toEqual([]);
    expect(readSettingsLinkComponents({ linkComponents: [42, null, '', { linkAttribute: 'to' }, { name: 'X', linkAttribute: [] }] })).toEqual([]);
  });
});

describe('collectLinkComponents', () => {
  it('keeps the router defaults and adds option and settings entries', () => {
    const components = collectLinkComponents([{ name: 'ExternalLink', source: '@acme/ui', hrefProp: 'url' }], { linkComponents: ['Hyperlink'] });
    expect(components).toHaveLength(DEFAULT_LINK_COMPONENTS.length + 2);
    expect(components).toContainEqual({ name: 'default', source: 'next/link', hrefProps: ['href'] });
    expect(components).toContainEqual({ name: 'ExternalLink', source: '@acme/ui', hrefProps: ['url'] });
    expect(components).toContainEqual({ name: 'Hyperlink', source: null, hrefProps: ['href'] });
  });

  it('defaults hrefProp to href', () => {
    expect(collectLinkComponents([{ name: 'L', source: 'x' }], {}).at(-1)).toEqual({ name: 'L', source: 'x', hrefProps: ['href'] });
  });
});
