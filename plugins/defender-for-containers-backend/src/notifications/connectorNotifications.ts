import { createHash } from 'node:crypto';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { TokenExpiryStage } from '@defender-backstage/plugin-defender-for-containers-common';
import type { ConnectorTransition } from '../refresh/ConnectorTransition';
import { redactSecrets } from '../refresh/redactSecrets';

/** Groups the plugin's notifications in the user's notification settings. */
export const NOTIFICATION_TOPIC = 'Defender for Containers';

const EXPIRY_SEVERITY: Partial<
  Record<TokenExpiryStage, NotificationPayload['severity']>
> = { warning: 'normal', critical: 'high', expired: 'critical' };

/** The notifications backend stores titles and scopes in columns of 255 characters. */
const MAX_TITLE = 255;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * `payload.scope`: one per connector and kind of change, so a repeat (unhealthy again after it
 * recovered) updates the owner's existing notification instead of adding another. The connector
 * id can exceed the 255 characters the column holds, so it is hashed.
 */
function scopeOf(
  connectorId: string,
  kind: 'unhealthy' | 'critical-findings' | 'token-expiry',
) {
  const hash = createHash('sha256')
    .update(connectorId.toLowerCase())
    .digest('hex')
    .slice(0, 24);
  return `defender-for-containers:connector:${hash}:${kind}`;
}

/**
 * What the connector's owner is told about one health transition: nothing, or one notification
 * per kind of change —
 * - turned unhealthy, from healthy or pending as last reported by Azure (a failed refresh in
 *   between does not count; unhealthy → stale → unhealthy is no news);
 * - new Critical findings (more than at the last read).
 * A connector seen for the first time is the baseline, not news: a new Backstage (or an
 * emptied database) must not notify every owner of everything at once.
 */
export function connectorNotifications(
  t: ConnectorTransition,
  link: string,
): NotificationPayload[] {
  const payloads: NotificationPayload[] = [];
  const org = clip(t.organization, 100);
  if (
    t.to === 'unhealthy' &&
    (t.previousReportedStatus === 'healthy' ||
      t.previousReportedStatus === 'pending')
  ) {
    const issues = t.issues?.length ? ` Issues: ${t.issues.join('; ')}.` : '';
    payloads.push({
      title: clip(
        `Defender connector for Docker Hub ${org} is unhealthy`,
        MAX_TITLE,
      ),
      description: redactSecrets(
        `Microsoft Defender for Containers reports the connector of the Docker Hub organization ${t.organization} as unhealthy (it was ${t.previousReportedStatus}): its images are not being scanned.${issues} The connector's page says how to fix it.`,
      ),
      link,
      severity: 'high',
      topic: NOTIFICATION_TOPIC,
      scope: scopeOf(t.connectorId, 'unhealthy'),
    });
  }
  if (t.criticalDelta > 0 && t.from !== undefined && t.to !== 'missing') {
    const n = t.criticalDelta;
    payloads.push({
      title: clip(
        `${n} new critical ${
          n === 1 ? 'vulnerability' : 'vulnerabilities'
        } in Docker Hub ${org}`,
        MAX_TITLE,
      ),
      description: `Microsoft Defender for Containers found ${n} more Critical ${
        n === 1 ? 'finding' : 'findings'
      } in the images of the Docker Hub organization ${
        t.organization
      } than at its last read. The connector's page lists the worst ones and their fixed versions.`,
      link,
      severity: 'critical',
      topic: NOTIFICATION_TOPIC,
      scope: scopeOf(t.connectorId, 'critical-findings'),
    });
  }
  if (t.tokenExpiry && t.to !== 'missing') {
    const { expiresOn, daysLeft, stage } = t.tokenExpiry;
    const when =
      stage === 'expired'
        ? `expired on ${expiresOn}`
        : `expires on ${expiresOn}, in ${daysLeft} ${
            daysLeft === 1 ? 'day' : 'days'
          }`;
    payloads.push({
      title: clip(`Docker Hub token of ${org} ${when}`, MAX_TITLE),
      description: `The access token Microsoft Defender for Containers reads the Docker Hub organization ${
        t.organization
      } with ${when}${
        stage === 'expired' ? ': its images are no longer scanned' : ''
      }. Create a new Read-only personal access token for the connector's Docker Hub user and run the template "Rotate a Docker Hub connector's token" with it.`,
      link,
      severity: EXPIRY_SEVERITY[stage],
      topic: NOTIFICATION_TOPIC,
      scope: scopeOf(t.connectorId, 'token-expiry'),
    });
  }
  return payloads;
}
