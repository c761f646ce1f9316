/** Words the generators draw from, so that files read like a real product's code. */

export const NOUNS = [
  'account', 'invoice', 'order', 'customer', 'product', 'team', 'project', 'report', 'payment',
  'subscription', 'ticket', 'message', 'session', 'webhook', 'shipment', 'review', 'coupon', 'plan',
  'member', 'workspace', 'document', 'comment', 'article', 'campaign', 'address', 'device', 'alert',
];

export const ADJECTIVES = ['recent', 'active', 'pending', 'archived', 'featured', 'shared', 'primary', 'draft'];

export const TABLES = [
  'users', 'accounts', 'invoices', 'orders', 'order_items', 'customers', 'products', 'teams', 'projects',
  'payments', 'subscriptions', 'tickets', 'messages', 'sessions', 'webhooks', 'shipments', 'reviews',
  'coupons', 'plans', 'memberships', 'workspaces', 'documents', 'comments', 'audit_log', 'events',
];

export const COLUMNS = [
  'id', 'email', 'name', 'status', 'created_at', 'updated_at', 'deleted_at', 'owner_id', 'team_id',
  'amount_cents', 'currency', 'title', 'slug', 'plan_id', 'expires_at', 'metadata', 'locale', 'role',
];

export const EXTERNAL_HOSTS = [
  'github.com', 'twitter.com', 'www.linkedin.com', 'docs.stripe.com', 'status.acme-cloud.io',
  'partner.example.com', 'cdn.jsdelivr.net', 'www.youtube.com', 'discord.gg', 'help.acme.dev',
];

export const INTERNAL_PATHS = [
  '/', '/about', '/pricing', '/blog', '/docs', '/docs/getting-started', '/contact', '/careers',
  '/settings', '/settings/billing', '/settings/team', '/dashboard', '/login', '/signup', '/changelog',
  '/legal/privacy', '/legal/terms', '/integrations', '/customers', '/security',
];

export const UI_LABELS = [
  'Create table of contents', 'Drop database connection and retry', 'Create a new project',
  'Delete workspace', 'Update billing details', 'Alter your plan at any time', 'Grant access to your team',
  'Truncate long titles', 'Create index card', 'Save changes', 'Cancel', 'Learn more', 'Get started',
  'Invite members', 'Export as CSV', 'Drop files here to upload', 'Comment on this document',
  'Rename table view', 'Select all', 'Show archived',
];

export const LOG_LINES = [
  'Creating table of contents for', 'Dropping stale connection to', 'Created index for search results of',
  'Alter request received for', 'Truncated payload for', 'Granting temporary token to',
  'Retrying query after timeout for', 'Cache miss for', 'Sync finished for', 'Refreshing view for',
];

export const COMPONENT_PARTS = [
  'Header', 'Footer', 'Sidebar', 'Card', 'List', 'Table', 'Panel', 'Banner', 'Menu', 'Nav', 'Modal',
  'Form', 'Summary', 'Details', 'Grid', 'Row', 'Badge', 'Empty', 'Hero', 'Section',
];

export function pascal(word) {
  return word
    .split(/[_\-\s]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function camel(word) {
  const p = pascal(word);
  return p.charAt(0).toLowerCase() + p.slice(1);
}
