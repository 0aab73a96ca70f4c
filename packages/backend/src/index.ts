import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleDefenderConnectors } from '@defender-backstage/plugin-defender-for-containers-backend';
import { guestSignInWhenConfigured } from './guestSignInWhenConfigured';
import { permissionPolicyModule } from './permissionPolicyModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// The events bus (/api/events): events also reach subscribers this process did not notify
// itself (on PostgreSQL it keeps them in the database until read); without it each process
// logs "events backend not found" and delivers in-process only.
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(guestSignInWhenConfigured);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
// Everyone reads; only permission.defenderForContainers.writers change Defender connectors.
backend.add(permissionPolicyModule);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
// user-settings storage in the app pushes updates over signals
backend.add(import('@backstage/plugin-signals-backend'));
// Connector owners are notified when a connector turns unhealthy or gets new Critical findings.
backend.add(import('@backstage/plugin-notifications-backend'));

// Actions registered by plugins (backend.actions in app-config.yaml), as MCP tools for AI assistants.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Defender for Containers × Docker Hub: REST API, connector entities, scaffolder actions
backend.add(
  import('@defender-backstage/plugin-defender-for-containers-backend'),
);
backend.add(catalogModuleDefenderConnectors);
backend.add(
  import(
    '@defender-backstage/plugin-scaffolder-backend-module-defender-for-containers'
  ),
);
// The onboard / rotate / offboard templates, owned by defenderForContainers.templates.owner
backend.add(
  import(
    '@defender-backstage/plugin-catalog-backend-module-defender-for-containers-templates'
  ),
);
backend.start();
