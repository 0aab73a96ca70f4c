import { inspect } from 'node:util';
import { ACME_INPUT, SUB, TOKENS } from './__testUtils__/scenario';
import {
  runAction,
  startActionsEmulator,
} from './__testUtils__/startActionsEmulator';

/**
 * Runs a full onboarding (and the paths around it, the connector as code included) and proves
 * that neither the access token nor any JWT Docker issued for it appears in any log line, log
 * metadata, output (the Bicep and Terraform too), checkpoint key or value, or error of the task.
 */
describe('the access token and its Docker Hub JWTs never leave the actions', () => {
  it('appear in no log line, output, checkpoint or error', async () => {
    // Azure may echo the stored token (the spec allows it): the emulator does, so a layer that
    // passes a connector on without stripping it shows up below.
    const t = await startActionsEmulator({ echoAccessToken: true });
    try {
      expect(t.emu.state().echoAccessToken).toBe(true);
      const input = {
        ...ACME_INPUT,
        location: 'westeurope',
        owner: 'group:default/platform-team',
      };
      const runs = [
        await runAction(t.validate, input),
        await runAction(t.onboard, input, { isDryRun: true }),
        await runAction(t.onboard, input),
        await runAction(t.onboard, input), // re-run: update path
        await runAction(t.onboard, { ...input, accessToken: TOKENS.write }), // fails a check
        await runAction(t.onboard, {
          ...input,
          accessToken: `${TOKENS.read}x`,
        }), // sign-in 401
        await runAction(
          t.offboard,
          { organization: 'acme', confirmation: 'acme' },
          { isDryRun: true },
        ),
        // The connector as code (Bicep and Terraform), of the existing connector.
        await runAction(t.onboard, { ...input, mode: 'code' }),
      ];
      expect(runs[2].outputs.operation).toBe('created');
      expect(runs[1].outputs.iac.bicep).toContain('@secure()');
      expect(runs[7].outputs.iac.terraform).toContain('sensitive   = true');
      expect(runs[4].error).toBeDefined();
      expect(runs[5].error).toBeDefined();

      // What Docker issued: Hub JWTs from /v2/auth/token and registry JWTs from /token.
      const issued = t.exchanges.flatMap(x => {
        try {
          const body = JSON.parse(x.responseBody);
          return [body.access_token, body.token].filter(
            (v): v is string => typeof v === 'string',
          );
        } catch {
          return [];
        }
      });
      expect(issued.length).toBeGreaterThanOrEqual(6);
      const secrets = [
        TOKENS.read,
        TOKENS.write,
        ...[TOKENS.read, TOKENS.write].map(s =>
          Buffer.from(`mdcuser:${s}`).toString('base64'),
        ),
        ...issued,
        // A JWT's signature alone would identify it too.
        ...issued.map(j => j.split('.')[2]),
      ];

      const everything = runs
        .map(r =>
          [
            ...r.logs.map(
              l => `${l.level} ${l.message} ${inspect(l.meta, { depth: 10 })}`,
            ),
            JSON.stringify(r.outputs),
            [...r.checkpoints.entries()]
              .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
              .join('\n'),
            r.error
              ? `${r.error.name} ${r.error.message} ${r.error.stack} ${inspect(
                  r.error,
                  { depth: 10 },
                )}`
              : '',
          ].join('\n'),
        )
        .join('\n');
      expect(everything.length).toBeGreaterThan(2000);
      for (const secret of secrets) {
        expect(everything).not.toContain(secret);
      }
      // And the connector as Azure returns it to anyone who reads it.
      expect(
        JSON.stringify(await t.arm.listSecurityConnectors(SUB)),
      ).not.toContain(TOKENS.read);
    } finally {
      await t.emu.stop();
    }
  });
});
