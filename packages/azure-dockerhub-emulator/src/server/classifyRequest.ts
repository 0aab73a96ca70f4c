import { armRouteNames } from '../arm/armOperations';
import { matchArm } from '../arm/handleArm';
import { PERMISSIONS_ROUTE_NAMES } from '../arm/permissionHandlers';
import { hubRouteNames, matchHub } from '../dockerhub/handleHub';
import { ENTRA_PATH, entraRouteNames } from '../entra/handleEntra';
import type { RequestContext, Surface } from './RequestContext';

/** Which surface a request hits, and the route names fault specs may use for it. */
export function classifyRequest(ctx: RequestContext): {
  surface: Surface;
  names: string[];
} {
  const { path } = ctx;
  if (path === '/token')
    return { surface: 'registry', names: ['registryToken', 'token'] };
  if (path.startsWith('/v2/')) {
    const m = matchHub(ctx);
    return { surface: 'hub', names: m ? hubRouteNames(m.id) : ['dockerHub'] };
  }
  if (ENTRA_PATH.test(path))
    return { surface: 'entra', names: entraRouteNames(path) };
  const m = matchArm(ctx);
  if (!m) return { surface: 'arm', names: ['arm'] };
  if (m.unspecified === 'providers')
    return { surface: 'arm', names: ['providers', 'arm'] };
  if (m.unspecified === 'permissions')
    return { surface: 'arm', names: [...PERMISSIONS_ROUTE_NAMES, 'arm'] };
  return { surface: 'arm', names: [...armRouteNames(m.op.id), 'arm'] };
}
