import { HubOrg, HubRepository, HubTag } from '../state/EmulatorState';

// Docker Hub's list entries carry fields the emulator keeps no state for; they get fixed,
// plausible values so that clients and the response check see complete entries.

export function orgEntry(org: HubOrg, role: HubOrg['members'][number]['role']) {
  return {
    id: org.uuid.replace(/-/g, ''),
    uuid: org.uuid,
    orgname: org.name,
    full_name: org.name,
    location: '',
    company: '',
    profile_url: '',
    date_joined: '2024-01-01T00:00:00Z',
    gravatar_email: '',
    gravatar_url: '',
    type: 'Organization',
    badge: 'team',
    is_active: true,
    user_role: role,
    user_groups: role === 'owner' ? ['owners'] : [],
    org_groups_count: 1,
    plan_name: 'team',
    parent_name: null,
  };
}

export function repositoryEntry(org: HubOrg, repo: HubRepository) {
  const lastPushed = Math.max(...repo.tags.map(t => t.lastPushed), 0);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    name: repo.name,
    namespace: org.name,
    repository_type: 'image',
    status: 1,
    status_description: 'active',
    description: repo.description ?? '',
    is_private: repo.private,
    star_count: 0,
    pull_count: repo.tags.length * 1000,
    last_updated: lastPushed ? iso(lastPushed) : null,
    last_modified: lastPushed ? iso(lastPushed) : null,
    date_registered: iso(
      Math.min(...repo.tags.map(t => t.lastPushed), Date.UTC(2024, 0, 1)),
    ),
    affiliation: '',
    media_types: [
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.container.image.v1+json',
    ],
    content_types: ['image'],
    categories: [],
    storage_size: repo.tags.length * 52_428_800,
  };
}

export function tagEntry(
  org: HubOrg,
  repo: HubRepository,
  tag: HubTag,
  index: number,
) {
  const pushed = new Date(tag.lastPushed).toISOString();
  const digest = (arch: string) =>
    `sha256:${Buffer.from(`${org.name}/${repo.name}:${tag.name}/${arch}`)
      .toString('hex')
      .padEnd(64, '0')
      .slice(0, 64)}`;
  return {
    creator: 1,
    id: 1000 + index,
    images: tag.architectures.map(arch => ({
      architecture: arch,
      features: '',
      variant: '',
      digest: digest(arch),
      os: 'linux',
      os_features: '',
      os_version: '',
      size: 31_457_280,
      status: 'active',
      last_pulled: pushed,
      last_pushed: pushed,
    })),
    last_updated: pushed,
    last_updater: 1,
    last_updater_username:
      org.members.find(m => m.role === 'owner')?.user ?? org.name,
    name: tag.name,
    repository: 1,
    full_size: 31_457_280 * tag.architectures.length,
    v2: true,
    tag_status: 'active',
    tag_last_pulled: pushed,
    tag_last_pushed: pushed,
    media_type:
      tag.architectures.length > 1
        ? 'application/vnd.oci.image.index.v1+json'
        : 'application/vnd.oci.image.manifest.v1+json',
    content_type: 'image',
    digest: digest(tag.architectures.join(',')),
  };
}
