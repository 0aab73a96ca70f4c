import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readDefenderAnnotations } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  defenderArmClientServiceRef,
  formatSecurityConnectorId,
} from '@defender-backstage/plugin-defender-for-containers-node';
import Router from 'express-promise-router';
import { healthFromReports } from '../src/refresh/healthFromReports';

/**
 * What the card's route would cost without the refresh and the database: per page view, read the
 * entity as the caller, then look each of its connectors up in ARM — the connector and its health
 * reports at connector scope, concurrently, through the real SecurityCenterArmClient. Served at
 * `/api/defender-baseline/entities/:kind/:namespace/:name/defender`, behind the same auth.
 */
export function armPerRequestBaseline(options: {
  subscriptionId: string;
  resourceGroup: string;
}) {
  return createBackendPlugin({
    pluginId: 'defender-baseline',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          catalog: catalogServiceRef,
          arm: defenderArmClientServiceRef,
        },
        async init({ httpRouter, httpAuth, catalog, arm }) {
          const router = Router();
          router.get(
            '/entities/:kind/:namespace/:name/defender',
            async (req, res) => {
              const credentials = await httpAuth.credentials(req);
              const { kind, namespace, name } = req.params;
              const entity = await catalog.getEntityByRef(
                { kind, namespace, name },
                { credentials },
              );
              if (!entity) throw new NotFoundError('no such entity');
              const { organizations } = readDefenderAnnotations(entity);
              const connectors = await Promise.all(
                organizations.map(async organization => {
                  const id = formatSecurityConnectorId({
                    subscriptionId: options.subscriptionId,
                    resourceGroup: options.resourceGroup,
                    name: `dockerhub-${organization}`,
                  });
                  const [connector, reports] = await Promise.all([
                    arm.getSecurityConnector(id),
                    arm.listHealthReports(id),
                  ]);
                  return {
                    organization,
                    id: connector?.id,
                    ...healthFromReports(reports),
                  };
                }),
              );
              res.json({ connectors });
            },
          );
          httpRouter.use(router);
        },
      });
    },
  });
}
