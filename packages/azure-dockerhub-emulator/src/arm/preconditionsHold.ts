import type { ConnectorRecord } from '../state/EmulatorState';
import { armError } from './armErrors';
import type { ArmCall } from './ArmCall';

/** If-Match / If-None-Match as ARM applies them; true when the request may proceed. */
export async function preconditionsHold(
  call: ArmCall,
  existing: ConnectorRecord | undefined,
) {
  const { ctx } = call;
  if (existing && ctx.staleEtag) {
    // The staleEtag fault: another writer got there first.
    existing.etag = ctx.core.nextEtag();
  }
  const ifMatch = ctx.req.headers['if-match'];
  const ifNoneMatch = ctx.req.headers['if-none-match'];
  const fails =
    (ifMatch !== undefined &&
      (!existing || (ifMatch !== '*' && ifMatch !== existing.etag))) ||
    (ifNoneMatch === '*' && existing !== undefined);
  if (fails) {
    await armError(
      ctx,
      412,
      'PreconditionFailed',
      'The condition specified using HTTP conditional header(s) is not met.',
    );
    return false;
  }
  return true;
}
