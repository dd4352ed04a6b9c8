import { expect } from 'vitest';
import type { OperationId } from '@victim-portal/contract';
import { contractValidator } from '../../src/app.js';

export interface ApiResponse<Body = unknown> {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
}

export interface ApiRequest {
  method?: string;
  token?: string;
  /** A value sent as JSON. */
  json?: unknown;
  /** A raw body, sent as is (with `contentType` when given). */
  raw?: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * Call the server and check the answer against the contract: the status is declared for the
 * operation, the media type is listed and the body matches its schema; every response has an
 * X-Request-Id, and a problem's requestId is that same id. For a request that matches no
 * operation, pass `null`: the answer must then be a valid problem.
 */
export async function call<Body = unknown>(baseUrl: string, operationId: OperationId | null, path: string, request: ApiRequest = {}): Promise<ApiResponse<Body>> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers['Authorization'] = `Bearer ${request.token}`;
  let body: string | Uint8Array | undefined;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['Content-Type'] = request.contentType ?? 'application/json';
  } else if (request.raw !== undefined) {
    body = request.raw;
    if (request.contentType) headers['Content-Type'] = request.contentType;
  }
  const method = request.method ?? (body === undefined ? 'GET' : 'POST');
  const response = await fetch(baseUrl + path, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? undefined;
  const parsed: unknown = text && contentType?.includes('json') ? JSON.parse(text) : text || undefined;

  const requestId = response.headers.get('x-request-id');
  expect(requestId, `${method} ${path}: X-Request-Id`).toBeTruthy();
  const validator = contractValidator();
  const contractErrors = operationId === null
    ? [
        ...(contentType?.startsWith('application/problem+json') ? [] : [`content type ${contentType} is not a problem`]),
        ...validator.validateSchema('Problem', parsed),
      ]
    : validator.validateResponse(operationId, response.status, contentType, parsed);
  expect(contractErrors, `${method} ${path} → ${response.status} ${text.slice(0, 300)}`).toEqual([]);
  if (response.status >= 400) {
    expect((parsed as { requestId?: string }).requestId, 'problem.requestId').toBe(requestId);
    expect((parsed as { status?: number }).status, 'problem.status').toBe(response.status);
  }
  return { status: response.status, headers: response.headers, body: parsed as Body, text };
}
