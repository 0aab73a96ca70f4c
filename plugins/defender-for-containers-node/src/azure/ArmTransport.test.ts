import {
  createHttpHeaders,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { ArmTransport } from './ArmTransport';

/*
 * Paging rules no emulator answer can break: ARM's `nextLink` is followed as sent, only on the
 * endpoint's own host, and not forever. A scripted pipeline stands in for `SecurityCenter`.
 */
const ARM = 'https://arm.example.test';
const PATH = '/subscriptions/s/providers/Microsoft.Security/securityConnectors';

function scripted(nextLinkOf: (page: number) => string | undefined) {
  const urls: string[] = [];
  const sendRequest = async (
    request: PipelineRequest,
  ): Promise<PipelineResponse> => {
    urls.push(request.url);
    const page = urls.length;
    return {
      request,
      status: 200,
      headers: createHttpHeaders(),
      bodyAsText: JSON.stringify({
        value: [{ id: `item-${page}` }],
        nextLink: nextLinkOf(page),
      }),
    };
  };
  return { arm: new ArmTransport({ sendRequest }, ARM, 1000), urls };
}

describe('ArmTransport.listAll', () => {
  it('follows nextLink as sent, without adding the api-version again', async () => {
    const { arm, urls } = scripted(page =>
      page < 3
        ? `${ARM}${PATH}?api-version=2024-08-01-preview&$skipToken=${page}`
        : undefined,
    );
    await expect(
      arm.listAll(PATH, '2024-08-01-preview', 'GET securityConnectors'),
    ).resolves.toEqual([{ id: 'item-1' }, { id: 'item-2' }, { id: 'item-3' }]);
    expect(urls).toEqual([
      `${ARM}${PATH}?api-version=2024-08-01-preview`,
      `${ARM}${PATH}?api-version=2024-08-01-preview&$skipToken=1`,
      `${ARM}${PATH}?api-version=2024-08-01-preview&$skipToken=2`,
    ]);
  });

  it('refuses a nextLink to another host before sending the ARM token there', async () => {
    const { arm, urls } = scripted(() => 'https://elsewhere.example/collect');
    await expect(
      arm.listAll(PATH, '2024-08-01-preview', 'GET securityConnectors'),
    ).rejects.toThrow(
      'GET securityConnectors: refusing to follow a nextLink to another host (https://elsewhere.example)',
    );
    expect(urls).toHaveLength(1);
  });

  it('stops a nextLink chain after 1000 pages', async () => {
    const { arm, urls } = scripted(
      page => `${ARM}${PATH}?api-version=x&page=${page + 1}`,
    );
    await expect(
      arm.listAll(PATH, '2024-08-01-preview', 'GET securityConnectors'),
    ).rejects.toThrow('GET securityConnectors: more than 1000 pages');
    expect(urls).toHaveLength(1000);
  });
});
