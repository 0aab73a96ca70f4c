import { createRouteRef } from '@backstage/frontend-plugin-api';

/**
 * The overview page of all connectors (new frontend system).
 * @public
 */
export const rootRouteRef = createRouteRef();
