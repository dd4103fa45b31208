// One key per article whatever link variant reached it, so the stories module can de-duplicate.
// This is a comparison key, not a URL to fetch: it forces https and drops host prefixes that a
// site might in fact need.

const HOST_PREFIXES = /^(?:www\d*|m|mobile|amp)\./;

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'cmpid',
  'cmp',
  'ocid',
  'smid',
  'smtyp',
  'sr_share',
  'ito',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'mkt_tok',
  'spm',
  'share',
  'via',
  'amp',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'vero_'];

function isTracking(name: string, value: string): boolean {
  const key = name.toLowerCase();
  if (TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix))) return true;
  return (key === 'outputtype' || key === 'output') && value.toLowerCase() === 'amp';
}

/**
 * The de-duplication key of a link: https, lower-case host without www./m./mobile./amp., no default
 * port, no fragment, no AMP suffix or AMP/tracking parameters, no trailing slash, parameters sorted.
 * Input that is not an absolute http(s) URL comes back trimmed and unchanged.
 */
export function canonicalUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input.trim();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return input.trim();
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  while (HOST_PREFIXES.test(host) && host.split('.').length > 2) host = host.replace(HOST_PREFIXES, '');
  const port = url.port === '' || url.port === '80' || url.port === '443' ? '' : `:${url.port}`;
  let path = url.pathname.replace(/\/{2,}/g, '/');
  path = path.replace(/\/amp(?:\.html)?\/?$/i, '/').replace(/\/+$/, '');
  const params = [...url.searchParams.entries()]
    .filter(([name, value]) => !isTracking(name, value))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = new URLSearchParams(params).toString();
  return `https://${host}${port}${path}${query ? `?${query}` : ''}`;
}
