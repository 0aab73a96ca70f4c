/**
 * The check that a German view says nothing in English, shared by the card's and the Findings
 * tab's German tests.
 *
 * Deliberately left as they are, in every language: names of products and Backstage terms,
 * identifiers (entity refs, annotation keys, permissions, config keys, YAML keys and
 * placeholders), what the data names (organizations, repositories, images, packages, CVE ids,
 * versions, subscriptions, resource groups, Azure offerings) and HTTP. Azure's and the backend's
 * own sentences (Defender's issues, error messages, reasons a value was ignored) are English and
 * marked `lang="en"`, so they are left out of the check and read as English by screen readers.
 */
const UNTRANSLATED = [
  /Microsoft Defender for (Containers|Cloud)|Defender for (Containers|Cloud)|Defender CSPM|Defender|Docker Hub|Azure|Backstage|HTTP/g,
  /[\w.-]+\.[\w.-]*\/[\w.\-<>:/]+/g, // annotation keys, entity refs, image and repository names
  /[\w-]+\/[\w.-]+(:[\w.-]+|@sha256:[0-9a-f]+…?)?/g, // images and repositories without a dot
  /defender-for-containers\.connector\.\w+|defenderForContainers(\.\w+)*/g,
  /\b(apiVersion|kind|metadata|name|annotations|Component|catalog-info\.yaml)\b/g,
  /<[\w-]+>/g,
  /\b(acme|initech|globex|umbrella|zeta|Contoso Production|rg-defender-connectors|DefenderForContainersDockerHub)\b/g,
  /\b[\w-]+: CVE-\d+-\d+|\b(CVE|GHSA)-[\w-]+|\b[\d.]+\b/g,
];

/**
 * Words that would only be there if an English message slipped through. Words German shares
 * (in, was, Details, Connector, Minute, Repository, Images, Portal, Problem, Scan, Text) are not
 * among them.
 */
const ENGLISH =
  /\b(the|and|of|to|is|are|were|not|no|with|for|on|this|that|you|may|open|findings?|show|hide|refresh(ed|ing)?|last|never|ago|just|now|yet|issues?|could|load|health|healthy|unhealthy|pending|stale|scanned|every|days?|critical|high|medium|low|first|what|wrong|how|fix(ed|able)?|reads?|without|problems|copy|ignored|value|trend|history|subscription|group|onboard(ed)?|allowed|retry|loading|hours?|all|rows?|page|previous|next|search|clear|filters|installed|seen|available|package|severity|kept|rest)\b/i;

/** Everything a view says to a reader: its text and its labels, less Azure's own words. */
export function whatItSays(root: HTMLElement): string {
  const clone = root.cloneNode(true) as HTMLElement;
  // Azure's and the backend's words, and the tests' own readout of the URL
  clone
    .querySelectorAll('[lang="en"], [data-testid="search"]')
    .forEach(el => el.remove());
  const labels = [
    ...clone.querySelectorAll('[aria-label], [title], [placeholder]'),
  ].flatMap(el => [
    el.getAttribute('aria-label') ?? '',
    el.getAttribute('title') ?? '',
    el.getAttribute('placeholder') ?? '',
  ]);
  return [clone.textContent ?? '', ...labels].join(' \n ');
}

/** The parts of what was said that contain an English word. */
export function englishLeftIn(said: string): string[] {
  const stripped = UNTRANSLATED.reduce((s, re) => s.replace(re, ' '), said);
  return stripped
    .split(/[\n.,:;()·—–]+/)
    .map(part => part.trim())
    .filter(part => ENGLISH.test(part));
}
