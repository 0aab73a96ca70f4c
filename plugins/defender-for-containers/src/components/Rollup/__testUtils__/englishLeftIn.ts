/**
 * The German check of the entity card (`DefenderCard.german.test.tsx`), for the roll-up card and
 * the owner view, with what their data names: entity refs and the fixtures' names.
 *
 * Deliberately left as they are, in every language: names of products and Backstage terms,
 * identifiers (entity refs, annotation keys, tags, config keys, YAML keys and placeholders), what
 * the data names (organizations, components, groups) and HTTP. The backend's own sentences are
 * English and marked `lang="en"`, so they are left out of the check.
 */
const UNTRANSLATED = [
  /Microsoft Defender for (Containers|Cloud)|Defender for (Containers|Cloud)|Defender|Docker Hub|Azure|Backstage|HTTP/g,
  /\b(component|group|system|resource|user):[\w-]+\/[\w.-]+/gi, // entity refs
  /[\w.-]+\.[\w.-]*\/[\w.\-<>:/]+/g, // annotation keys, image and repository names
  /defender-for-containers\.connector\.\w+|defenderForContainers(\.\w+)*|backstage-owner/g,
  /\b(metadata|annotations|catalog-info\.yaml)\b/g,
  /<[\w-]+>/g,
  /\b(acme|initech|globex|umbrella|team-[a-z]+|payments|zeta-payments|Zeta payments|legacy-billing|checkout-web|alpha-worker|fraud-scoring|Fraud scoring|svc-\d+)\b/gi,
  /\b[\d.]+\b/g,
];

/**
 * Words that would only be there if an English message slipped through; words German shares
 * (in, Connector, Connectors, Status, Portal) are not among them.
 */
const ENGLISH =
  /\b(the|and|of|to|is|are|not|no|none|with|for|on|this|that|you|may|open|findings?|show|fewer|more|refresh(ed|ing)?|last|ago|just|now|yet|could|load(ing)?|healthy|unhealthy|pending|stale|critical|high|medium|low|first|how|fix(able)?|owner|components?|include|child|groups?|used|by|worst|allowed|retry|add|each|cannot|find|read)\b/i;

/** Everything a view says to a reader: its text and its labels, less the backend's own words. */
export function whatItSays(root: HTMLElement): string {
  const clone = root.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[lang="en"]').forEach(el => el.remove());
  const labels = [...clone.querySelectorAll('[aria-label], [title]')].flatMap(
    el => [el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? ''],
  );
  return [clone.textContent ?? '', ...labels].join(' \n ');
}

/** The parts of what a view says that read as English. */
export function englishLeftIn(said: string): string[] {
  const stripped = UNTRANSLATED.reduce((s, re) => s.replace(re, ' '), said);
  return stripped
    .split(/[\n.,:;()·—–]+/)
    .map(part => part.trim())
    .filter(part => ENGLISH.test(part));
}
