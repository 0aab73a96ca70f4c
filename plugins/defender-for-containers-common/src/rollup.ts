import type {
  ConnectorStatus,
  RestrictedConnector,
  SeverityCounts,
} from './health';

/**
 * One component of a group or system, with the Defender data of the images it names.
 * @public
 */
export interface RollupComponent {
  /** Full entity ref, e.g. `component:default/payments-api`. */
  entityRef: string;
  title?: string;
  /**
   * The worst status of its connectors: `unhealthy`, `stale`, `missing`, `pending`, `healthy`;
   * `notAllowed` when the caller may see none of them.
   */
  status: ConnectorStatus;
  /** Open findings of its images (narrowed to its repositories when it names any). */
  counts: SeverityCounts;
  /** How many of them have a fixed version (from the stored findings). */
  fixable: number;
  /** ARM ids of its connectors (those the caller may see). */
  connectorIds: string[];
}

/**
 * One connector of a roll-up, counted over the images of the roll-up's components only.
 * @public
 */
export interface RollupConnector {
  id: string;
  name: string;
  organization: string;
  status: Exclude<ConnectorStatus, 'missing' | 'notAllowed'>;
  /** One sentence for people: what the status means here. */
  message: string;
  counts: SeverityCounts;
  fixable: number;
  /** How many of the roll-up's components use it. */
  components: number;
  portalUrl: string;
}

/**
 * The answer of `GET /api/defender-for-containers/entities/:kind/:namespace/:name/defender/rollup`
 * for a Group (the components it owns, and with `children=true` those of its child groups) or a
 * System (its components).
 * @public
 */
export interface EntityRollupResponse {
  entityRef: string;
  /** Whether child groups' components were included (groups only). */
  includesChildGroups: boolean;
  /** Worst first: critical, then high, medium and low counts, then status. Only components with Defender annotations. */
  components: RollupComponent[];
  /** Components of the group or system the caller may read, with or without Defender annotations. */
  componentCount: number;
  /** Set when there were more components than the roll-up reads (`health.rollup.maxComponents`). */
  componentsTruncated?: boolean;
  connectors: RollupConnector[];
  /** Connectors of the components whose data the caller may not see (`health.readScope`). */
  notAllowed: RestrictedConnector[];
  /** Over the distinct images of all components (an image two components share counts once). */
  totals: SeverityCounts;
  fixable: number;
  refreshedAt?: string;
}

/**
 * One owner's row of `GET /api/defender-for-containers/connectors/rollup`: the connectors it owns
 * (their `backstage-owner` tag) and the catalog components that use them.
 * @public
 */
export interface OwnerRollup {
  /** Full entity ref of the owner; absent for connectors without an owner tag. */
  owner?: string;
  connectors: Array<{
    id: string;
    organization: string;
    status: Exclude<ConnectorStatus, 'missing' | 'notAllowed'>;
    totals: SeverityCounts;
    /** Entity refs of the components (the caller may read) that name its organization or repositories. */
    components: string[];
  }>;
  totals: SeverityCounts;
}

/**
 * The answer of `GET /api/defender-for-containers/connectors/rollup`.
 * @public
 */
export interface OwnerRollupResponse {
  items: OwnerRollup[];
  /**
   * Set when there were more connectors (2,000) or more annotated components
   * (`health.rollup.maxComponents`) than the view reads: then some are left out.
   */
  truncated?: boolean;
}
