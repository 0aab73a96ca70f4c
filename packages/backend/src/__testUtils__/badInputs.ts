import {
  FAKE_TOKEN,
  FOREIGN,
  FOREIGN_CONNECTOR,
  RG,
  SUB,
} from './securityWorld';

/** One bad input, as another template would pass it to an action. */
export interface BadInput {
  action: 'validate' | 'onboard' | 'offboard';
  what: string;
  input: Record<string, unknown>;
  /** What the refusal must name so the author knows what to fix: the input's key, by default. */
  names: string;
}

const base = {
  organization: 'acme',
  username: 'mdcuser',
  accessToken: FAKE_TOKEN,
  subscriptionId: SUB,
};
const without = (key: string, names = key): BadInput => {
  const input: Record<string, unknown> = { ...base };
  delete input[key];
  return { action: 'onboard', what: `${key} missing`, input, names };
};
const changed = (
  action: 'onboard' | 'validate',
  what: string,
  change: Record<string, unknown>,
  names = Object.keys(change)[0],
): BadInput => ({ action, what, input: { ...base, ...change }, names });
const onboard = (
  what: string,
  change: Record<string, unknown>,
  names?: string,
) => changed('onboard', what, change, names);
const validate = (what: string, change: Record<string, unknown>) =>
  changed('validate', what, change);
const offboard = (
  what: string,
  input: Record<string, unknown>,
  names: string,
): BadInput => ({ action: 'offboard', what, input, names });
const long = (n: number) => 'a'.repeat(n);

export const BAD_INPUTS: BadInput[] = [
  // organization
  without('organization'),
  onboard('organization empty', { organization: '' }),
  onboard('organization blank', { organization: '   ' }),
  onboard('organization one character', { organization: 'a' }),
  onboard('organization with !', { organization: 'acme!' }),
  onboard('organization path traversal', { organization: '../acme' }),
  onboard('organization with a slash', { organization: 'acme/api' }),
  onboard('organization 256 characters', { organization: long(256) }),
  onboard('organization 10 000 characters', { organization: long(10_000) }),
  onboard('organization Cyrillic look-alike', { organization: 'аcme' }),
  onboard('organization zero-width space', { organization: 'ac\u200bme' }),
  onboard('organization newline', { organization: 'acme\nx' }),
  onboard('organization a number', { organization: 123 }),
  onboard('organization an array', { organization: ['acme'] }),
  onboard('organization an object', { organization: { name: 'acme' } }),
  onboard('organization null', { organization: null }),
  onboard('organization starts with -', { organization: '-acme' }),
  onboard('organization markup', { organization: '<script>x</script>' }),
  onboard('organization percent-encoded', { organization: 'acme%2Fapi' }),
  // username
  without('username'),
  onboard('username empty', { username: '' }),
  onboard('username with a space', { username: 'mdc user' }),
  onboard('username 10 000 characters', { username: long(10_000) }),
  onboard('username NUL byte', { username: 'mdc\u0000user' }),
  onboard('username a number', { username: 42 }),
  // access token
  without('accessToken', 'access token'),
  onboard('accessToken empty', { accessToken: '' }, 'access token'),
  onboard(
    'accessToken 10 000 characters',
    { accessToken: long(10_000) },
    'access token',
  ),
  onboard('accessToken a number', { accessToken: 123456 }, 'access token'),
  onboard(
    'accessToken an object',
    { accessToken: { value: FAKE_TOKEN } },
    'access token',
  ),
  onboard(
    'accessToken with a newline',
    { accessToken: `${FAKE_TOKEN}\nx` },
    'access token',
  ),
  // subscription
  without('subscriptionId'),
  onboard('subscriptionId empty', { subscriptionId: '' }),
  onboard('subscriptionId not a GUID', { subscriptionId: 'production' }),
  onboard('subscriptionId not allowed (foreign)', { subscriptionId: FOREIGN }),
  onboard('subscriptionId one digit short', { subscriptionId: SUB.slice(1) }),
  onboard('subscriptionId path traversal', {
    subscriptionId: `${SUB}/../${FOREIGN}`,
  }),
  onboard('subscriptionId an ARM path', {
    subscriptionId: `/subscriptions/${SUB}`,
  }),
  onboard('subscriptionId a number', { subscriptionId: 42 }),
  // resource group
  onboard('resourceGroup a list', { resourceGroup: ['rg-defender'] }),
  onboard('resourceGroup ending in a dot', { resourceGroup: 'rg.' }),
  onboard('resourceGroup path traversal', { resourceGroup: `${RG}/../other` }),
  onboard('resourceGroup 91 characters', { resourceGroup: long(91) }),
  onboard('resourceGroup with %', { resourceGroup: 'rg%20x' }),
  onboard('resourceGroup a number', { resourceGroup: 7 }),
  // location
  onboard('location an object', { location: { name: 'westeurope' } }),
  onboard('location with punctuation', { location: 'west europe!!' }),
  onboard('location 10 000 characters', { location: long(10_000) }),
  onboard('location a number', { location: 1 }),
  // connector name
  onboard('connectorName a number', { connectorName: 42 }),
  onboard('connectorName starts with -', { connectorName: '-x' }),
  onboard('connectorName 81 characters', { connectorName: long(81) }),
  onboard('connectorName with a slash', { connectorName: 'x/y' }),
  onboard('connectorName path traversal', {
    connectorName: '../dockerhub-hooli',
  }),
  // scan interval
  onboard('scanIntervalHours 0', { scanIntervalHours: 0 }),
  onboard('scanIntervalHours 25', { scanIntervalHours: 25 }),
  onboard('scanIntervalHours negative', { scanIntervalHours: -1 }),
  onboard('scanIntervalHours fractional', { scanIntervalHours: 1.5 }),
  onboard('scanIntervalHours a word', { scanIntervalHours: 'daily' }),
  onboard('scanIntervalHours huge', { scanIntervalHours: 1e9 }),
  // plans
  onboard('plans a string', { plans: 'all' }),
  onboard('plans with a string flag', {
    plans: { defenderForContainers: 'yes' },
  }),
  onboard('plans an array', { plans: ['defenderForContainers'] }),
  // tags, owner, system, writeScopedTokens
  onboard('tags a string', { tags: 'team=platform' }),
  onboard('tag name with <', { tags: { 'a<b': 'v' } }, 'tag'),
  onboard('tag value 257 characters', { tags: { team: long(257) } }, 'tag'),
  onboard('49 tags', {
    tags: Object.fromEntries(
      Array.from({ length: 49 }, (_, i) => [`t${i}`, 'v']),
    ),
  }),
  onboard('tag value a number', { tags: { team: 1 } }, 'tag'),
  onboard('owner not an entity ref', { owner: 'not an owner' }),
  onboard('owner a number', { owner: 5 }),
  onboard('system an object', { system: { name: 'payments' } }),
  onboard('writeScopedTokens unknown', { writeScopedTokens: 'allow' }),
  // undeclared keys: a misspelt optional input must not be ignored silently
  onboard('misspelt input key (scanIntervalHour)', { scanIntervalHour: 12 }),
  onboard(
    'misspelt plan key (plans.defenderCSPM)',
    { plans: { defenderCSPM: true } },
    'plans.defenderCSPM',
  ),
  onboard('unknown input key', { password: 'x' }),
  // validate takes the same rules
  validate('validate: organization with !', { organization: 'acme!' }),
  validate('validate: foreign subscription', { subscriptionId: FOREIGN }),
  validate('validate: scanIntervalHours 0', { scanIntervalHours: 0 }),
  // offboarding
  offboard('confirmation missing', { organization: 'acme' }, 'confirmation'),
  offboard(
    'confirmation mistyped',
    {
      organization: 'acme',
      confirmation: 'acme2',
    },
    'confirmation',
  ),
  offboard(
    'confirmation differs in case',
    {
      organization: 'acme',
      confirmation: 'ACME',
    },
    'confirmation',
  ),
  offboard(
    'organization with !',
    {
      organization: 'acme!',
      confirmation: 'acme!',
    },
    'organization',
  ),
  offboard(
    'connectorId of a foreign subscription',
    {
      organization: 'hooli',
      confirmation: 'hooli',
      connectorId: FOREIGN_CONNECTOR,
    },
    'connectorId',
  ),
  offboard(
    'connectorId not an ARM id',
    {
      organization: 'acme',
      confirmation: 'acme',
      connectorId: 'dockerhub-acme',
    },
    'connectorId',
  ),
  offboard(
    'connectorId path traversal',
    {
      organization: 'acme',
      confirmation: 'acme',
      connectorId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/../../../../subscriptions/${FOREIGN}`,
    },
    'connectorId',
  ),
  offboard(
    'subscriptionId foreign',
    {
      organization: 'hooli',
      confirmation: 'hooli',
      subscriptionId: FOREIGN,
    },
    'subscriptionId',
  ),
  offboard(
    'organization a number',
    { organization: 5, confirmation: 5 },
    'organization',
  ),
  offboard(
    'misspelt input key (confirm)',
    {
      organization: 'acme',
      confirm: 'acme',
    },
    'confirm',
  ),
];

/** Bad annotation values, as an entity author could write them. */
export const BAD_ANNOTATIONS: Array<{
  what: string;
  annotations: Record<string, string>;
}> = [
  [
    'organization empty',
    { 'microsoft.com/defender-dockerhub-organization': '' },
  ],
  [
    'organization only commas',
    { 'microsoft.com/defender-dockerhub-organization': ' , ,' },
  ],
  [
    'organization with !',
    { 'microsoft.com/defender-dockerhub-organization': 'acme!' },
  ],
  [
    'organization path traversal',
    { 'microsoft.com/defender-dockerhub-organization': '../hooli' },
  ],
  [
    'organization markup',
    {
      'microsoft.com/defender-dockerhub-organization':
        '<img src=x onerror=alert(1)>',
    },
  ],
  [
    'organization 10 000 characters',
    { 'microsoft.com/defender-dockerhub-organization': 'a'.repeat(10_000) },
  ],
  [
    'organization 500 entries',
    {
      'microsoft.com/defender-dockerhub-organization': Array.from(
        { length: 500 },
        (_, i) => `org${i}`,
      ).join(','),
    },
  ],
  [
    'organization look-alike',
    { 'microsoft.com/defender-dockerhub-organization': 'аcme' },
  ],
  [
    'foreign organization',
    { 'microsoft.com/defender-dockerhub-organization': 'hooli' },
  ],
  [
    'repository without org',
    { 'microsoft.com/defender-dockerhub-repository': 'payments-api' },
  ],
  [
    'repository traversal',
    { 'microsoft.com/defender-dockerhub-repository': 'acme/../../hooli/svc' },
  ],
  [
    'repository three parts',
    { 'microsoft.com/defender-dockerhub-repository': 'acme/api/extra' },
  ],
  [
    'repository of a foreign org',
    { 'microsoft.com/defender-dockerhub-repository': 'hooli/svc' },
  ],
  [
    'connector id garbage',
    { 'microsoft.com/defender-connector-id': 'not-an-id' },
  ],
  [
    'connector id of a foreign subscription',
    { 'microsoft.com/defender-connector-id': FOREIGN_CONNECTOR },
  ],
  [
    'connector id traversal',
    {
      'microsoft.com/defender-connector-id': `/subscriptions/${SUB}/../${FOREIGN}`,
    },
  ],
  [
    'connector id a URL',
    { 'microsoft.com/defender-connector-id': 'https://evil.example/x' },
  ],
].map(([what, annotations]) => ({
  what: what as string,
  annotations: annotations as Record<string, string>,
}));
