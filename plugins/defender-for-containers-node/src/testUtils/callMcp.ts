import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What an MCP client gets back from one JSON-RPC call: `result` (e.g. `{ tools }` or a tool's
 * `{ content, structuredContent, isError }`) or a JSON-RPC `error`.
 * @public
 */
export interface McpAnswer {
  status: number;
  result?: any;
  error?: { code: number; message: string };
}

/**
 * One JSON-RPC request to the MCP server of `@backstage/plugin-mcp-actions-backend`
 * (`POST /api/mcp-actions/v1`, streamable HTTP, stateless), as an MCP client sends it, so tests
 * reach the actions the way an AI assistant does: through the MCP plugin, the actions service,
 * and the owning plugin's actions registry, each over HTTP.
 * @public
 */
export async function callMcp(
  server: Server,
  options: {
    method: 'tools/list' | 'tools/call';
    params?: Record<string, unknown>;
    /** The `Authorization` header, e.g. `mockCredentials.user.header(ref)`. */
    authorization: string;
    path?: string;
  },
): Promise<McpAnswer> {
  const { port } = server.address() as AddressInfo;
  const res = await fetch(
    `http://localhost:${port}${options.path ?? '/api/mcp-actions/v1'}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The streamable transport insists that clients accept both.
        accept: 'application/json, text/event-stream',
        authorization: options.authorization,
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: options.method,
        params: options.params ?? {},
      }),
    },
  );
  const text = await res.text();
  // Answers come as one server-sent event (`data: {...}`) or as plain JSON.
  const data = text
    .split('\n')
    .filter(line => line.startsWith('data:'))
    .map(line => line.slice(5).trim())
    .join('');
  const body = text && JSON.parse(data || text);
  return { status: res.status, result: body?.result, error: body?.error };
}

/**
 * The names of the tools the MCP server offers the caller with this `Authorization` header
 * (`tools/list`), e.g. to check that a tool is hidden from whoever lacks its permission.
 * @public
 */
export async function listMcpToolNames(
  server: Server,
  authorization: string,
): Promise<string[]> {
  const { result } = await callMcp(server, {
    method: 'tools/list',
    authorization,
  });
  return result.tools.map((tool: { name: string }) => tool.name);
}
