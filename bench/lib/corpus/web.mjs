import {
  ADJECTIVES, COMPONENT_PARTS, EXTERNAL_HOSTS, INTERNAL_PATHS, NOUNS, UI_LABELS, camel, pascal,
} from './vocabulary.mjs';

/**
 * TSX modules of a Next.js app and its UI package: mostly ordinary markup, with
 * links in every shape `no-raw-external-anchor` decides on (literals, constants,
 * object members, templates, conditionals, props, spreads, next/link, SafeLink,
 * polymorphic `as`, createElement, `<svg>` anchors) and the near misses it must
 * skip (`<link>`, `#hash`, `mailto:`, internal paths).
 */

class ModuleParts {
  constructor() {
    this.imports = new Map(); // source -> { default?: string, named: Set<string> }
    this.declarations = [];
    this.declared = new Set();
  }

  importNamed(source, name) {
    const entry = this.imports.get(source) ?? { named: new Set() };
    entry.named.add(name);
    this.imports.set(source, entry);
  }

  importDefault(source, name) {
    const entry = this.imports.get(source) ?? { named: new Set() };
    entry.default = name;
    this.imports.set(source, entry);
  }

  declareOnce(name, text) {
    if (this.declared.has(name)) return;
    this.declared.add(name);
    this.declarations.push(text);
  }

  importLines() {
    const lines = [];
    for (const [source, entry] of this.imports) {
      const named = [...entry.named];
      const parts = [];
      if (entry.default) parts.push(entry.default);
      if (named.length > 0) parts.push(`{ ${named.join(', ')} }`);
      lines.push(`import ${parts.join(', ')} from '${source}';`);
    }
    return lines;
  }
}

const externalUrl = (rng) =>
  `https://${rng.pick(EXTERNAL_HOSTS)}/${rng.pick(NOUNS)}${rng.chance(0.3) ? `?ref=${rng.pick(NOUNS)}` : ''}`;
const internalPath = (rng) =>
  rng.chance(0.7) ? rng.pick(INTERNAL_PATHS) : `/${rng.pick(NOUNS)}s/${rng.pick(ADJECTIVES)}`;
const label = (rng) => rng.pick(UI_LABELS);

/** One link, in a shape drawn by weight: common shapes often, evasions rarely. */
function link(rng, parts) {
  // Weighted like a codebase that mostly follows the policy while adopting
  // the rule: about one link in five leaves the site without SafeLink or has
  // an href the rule cannot know.
  const shape = rng.weighted([
    [20, 'internal'], [4, 'hash'], [2, 'query'], [3, 'mailto'], [3, 'external'], [1, 'blankNoRel'],
    [2, 'blankRel'], [4, 'constant'], [4, 'member'], [1, 'templateExternal'], [4, 'templateInternal'],
    [1, 'conditional'], [2, 'prop'], [1, 'spread'], [16, 'nextInternal'], [1, 'nextExternal'],
    [2, 'nextObject'], [10, 'safeLink'], [2, 'polymorphic'], [0.5, 'protocolRelative'], [1, 'redirect'],
    [0.5, 'createElement'], [0.5, 'svg'], [0.5, 'evasion'], [2, 'itemUrl'], [1, 'hashOnly'],
  ]);
  const text = label(rng);
  switch (shape) {
    case 'internal':
      return `<a href="${internalPath(rng)}" className="link">${text}</a>`;
    case 'hash':
      return `<a href="#${rng.pick(NOUNS)}-${rng.int(1, 9)}">${text}</a>`;
    case 'query':
      return `<a href="?page=${rng.int(2, 20)}">Next page</a>`;
    case 'mailto':
      return `<a href="mailto:${rng.pick(NOUNS)}@acme.dev">Email us</a>`;
    case 'external':
      return `<a href="${externalUrl(rng)}">${text}</a>`;
    case 'blankNoRel':
      return `<a href="${externalUrl(rng)}" target="_blank">${text}</a>`;
    case 'blankRel':
      return `<a href="${externalUrl(rng)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
    case 'constant': {
      const name = `${rng.pick(NOUNS).toUpperCase()}_URL`;
      parts.declareOnce(name, `const ${name} = '${rng.chance(0.3) ? externalUrl(rng) : internalPath(rng)}';`);
      return `<a href={${name}}>${text}</a>`;
    }
    case 'member':
      parts.declareOnce(
        'LINKS',
        `const LINKS = {\n  github: 'https://github.com/acme/app',\n  status: '${externalUrl(rng)}',\n  pricing: '/pricing',\n  docs: '/docs',\n} as const;`,
      );
      return `<a href={LINKS.${rng.pick(['github', 'status', 'pricing', 'docs'])}}>${text}</a>`;
    case 'templateExternal':
      return `<a href={\`https://\${host}/${rng.pick(NOUNS)}s/\${id}\`}>${text}</a>`;
    case 'templateInternal':
      return `<a href={\`/${rng.pick(NOUNS)}s/\${id}\`}>${text}</a>`;
    case 'conditional':
      return `<a href={isPreview ? '${internalPath(rng)}' : '${externalUrl(rng)}'}>${text}</a>`;
    case 'prop':
      return `<a href={href} className={className}>${text}</a>`;
    case 'spread':
      return `<a {...linkProps} className="link">${text}</a>`;
    case 'nextInternal':
      parts.importDefault('next/link', 'Link');
      return `<Link href="${internalPath(rng)}" prefetch={false}>${text}</Link>`;
    case 'nextExternal':
      parts.importDefault('next/link', 'Link');
      return `<Link href="${externalUrl(rng)}">${text}</Link>`;
    case 'nextObject':
      parts.importDefault('next/link', 'Link');
      return `<Link href={{ pathname: '/blog/[slug]', query: { slug: id } }}>${text}</Link>`;
    case 'safeLink':
      parts.importNamed('@acme/ui', 'SafeLink');
      return `<SafeLink href="${externalUrl(rng)}">${text}</SafeLink>`;
    case 'polymorphic':
      parts.importNamed('@acme/ui', 'Button');
      return `<Button as="a" href="${rng.chance(0.5) ? externalUrl(rng) : internalPath(rng)}" variant="ghost">${text}</Button>`;
    case 'protocolRelative':
      return `<a href="//cdn.acme-static.net/files/${rng.pick(NOUNS)}.pdf" download>Download</a>`;
    case 'redirect':
      return `<a href="/redirect?to=${encodeURIComponent(externalUrl(rng))}">${text}</a>`;
    case 'createElement':
      parts.importDefault('react', 'React');
      return `{React.createElement('a', { href: '${externalUrl(rng)}', className: 'link' }, '${text}')}`;
    case 'svg':
      return `<svg viewBox="0 0 24 24" aria-hidden="true"><a href="${externalUrl(rng)}"><circle cx="12" cy="12" r="10" /></a></svg>`;
    case 'evasion':
      return rng.pick([
        `<a href=" ${externalUrl(rng)}">${text}</a>`,
        `<a href="/\\${rng.pick(EXTERNAL_HOSTS)}">${text}</a>`,
        `<a href={'HTTPS://' + '${rng.pick(EXTERNAL_HOSTS)}'}>${text}</a>`,
      ]);
    case 'hashOnly': // what jsx-a11y/anchor-is-valid is about
      return `<a href="#" onClick={() => setOpen(true)}>${text}</a>`;
    default: // itemUrl
      return `<a href={item.url}>{item.label}</a>`;
  }
}

/** Markup without links: what most JSX elements in a real app are. */
function plainElement(rng, parts, depth) {
  const kind = rng.weighted([
    [6, 'text'], [3, 'button'], [2, 'image'], [2, 'input'], [2, 'icon'], [2, 'badge'],
    [depth < 3 ? 5 : 0, 'group'], [depth < 3 ? 2 : 0, 'list'], [1, 'headLink'],
  ]);
  switch (kind) {
    case 'text': {
      const tag = rng.pick(['p', 'span', 'h2', 'h3', 'strong', 'small', 'label']);
      return `<${tag} className="${rng.pick(NOUNS)}-${tag}">${label(rng)}</${tag}>`;
    }
    case 'button':
      return `<button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>${label(rng)}</button>`;
    case 'image':
      parts.importDefault('next/image', 'Image');
      return rng.chance(0.5)
        ? `<Image src="/images/${rng.pick(NOUNS)}.png" alt="${label(rng)}" width={${rng.int(16, 640)}} height={${rng.int(16, 480)}} />`
        : `<img src="https://${rng.pick(EXTERNAL_HOSTS)}/avatar.png" alt="" loading="lazy" />`;
    case 'input':
      return `<input name="${rng.pick(NOUNS)}" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="${label(rng)}" />`;
    case 'icon': {
      const icon = `${pascal(rng.pick(NOUNS))}Icon`;
      parts.importNamed('@acme/icons', icon);
      return `<${icon} size={${rng.pick([16, 20, 24])}} aria-hidden />`;
    }
    case 'badge':
      parts.importNamed('@acme/ui', 'Badge');
      return `<Badge tone="${rng.pick(['info', 'success', 'warning'])}">{count}</Badge>`;
    case 'list':
      return `<ul className="items">\n{items.map((item) => (\n<li key={item.id}>${rng.chance(0.5) ? link(rng, parts) : `<span>{item.label}</span>`}</li>\n))}\n</ul>`;
    case 'headLink':
      return `<link rel="preconnect" href="https://fonts.gstatic.com" crossOrigin="" />`;
    default:
      return tree(rng, parts, depth + 1);
  }
}

function tree(rng, parts, depth) {
  const tag = rng.pick(['div', 'section', 'nav', 'header', 'footer', 'article', 'aside', 'main']);
  const count = rng.int(2, depth === 0 ? 9 : 5);
  const children = [];
  for (let index = 0; index < count; index += 1) {
    children.push(rng.chance(0.12) ? link(rng, parts) : plainElement(rng, parts, depth));
  }
  return `<${tag} className="${rng.pick(NOUNS)}-${tag}">\n${children.join('\n')}\n</${tag}>`;
}

/**
 * A component or page module. `kind` is `page` (app router), `legacyPage`
 * (pages router), `component` or `ui`.
 */
export function generateTsxModule(rng, { name, kind }) {
  const parts = new ModuleParts();
  parts.importNamed('react', 'useState');
  const noun = rng.pick(NOUNS);
  const typeName = `${name}Props`;
  const helpers = [];
  const helperCount = rng.int(0, 3);
  for (let index = 0; index < helperCount; index += 1) {
    const fn = `format${pascal(rng.pick(NOUNS))}${index}`;
    helpers.push(
      `function ${fn}(value: number, locale = '${rng.pick(['en-US', 'de-DE', 'fr-FR'])}'): string {\n  return new Intl.NumberFormat(locale, { style: 'currency', currency: '${rng.pick(['USD', 'EUR'])}' }).format(value / 100);\n}`,
    );
  }
  const sections = rng.int(1, 4);
  const bodies = [];
  for (let index = 0; index < sections; index += 1) bodies.push(tree(rng, parts, 0));
  const useClient = kind !== 'legacyPage' && rng.chance(0.4);
  const exportLine = kind === 'page' || kind === 'legacyPage' ? 'export default function' : 'export function';
  const props = `{ id, href, host, className, isPreview, items, count, linkProps }: ${typeName}`;
  const component = `${exportLine} ${name}(${props}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const visible = items.filter((item) => item.label.toLowerCase().includes(query.toLowerCase()));
  if (visible.length === 0 && !open) {
    return <p className="empty">No ${noun}s yet.</p>;
  }
  return (
    <>
${bodies.join('\n')}
    </>
  );
}`;
  const types = `interface ${pascal(noun)}Item {
  id: string;
  label: string;
  url: string;
}

export interface ${typeName} {
  id: string;
  href: string;
  host: string;
  className?: string;
  isPreview?: boolean;
  items: ${pascal(noun)}Item[];
  count: number;
  linkProps: React.AnchorHTMLAttributes<HTMLAnchorElement>;
}`;
  const file = [
    useClient ? `'use client';\n` : '',
    ...parts.importLines(),
    '',
    ...parts.declarations,
    parts.declarations.length > 0 ? '' : null,
    types,
    '',
    ...helpers.flatMap((helper) => [helper, '']),
    component,
    '',
  ].filter((line) => line !== null);
  return file.join('\n');
}

export function componentName(rng, index) {
  return `${pascal(rng.pick(NOUNS))}${rng.pick(COMPONENT_PARTS)}${index}`;
}

export { camel };
