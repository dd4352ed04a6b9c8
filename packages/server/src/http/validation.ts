import ajvModule, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import type { OperationId } from '@victim-portal/contract';
import type { ProblemFieldError } from './problem.js';

// ajv ships CommonJS with `exports.default`; under NodeNext the default import is the module.
const Ajv2020 = ajvModule.default;
const addFormats = formatsModule.default;

type Json = Record<string, unknown>;
export type SecuritySchemeName = 'forceApiKey' | 'victimSession' | 'officerToken' | 'forceAdminToken';
export type RequestPart = 'path' | 'query' | 'header' | 'body';

/** What the contract says about one operation, read once at boot. */
export interface OperationSpec {
  operationId: OperationId;
  method: string;
  /** The contract's path, e.g. `/v1/cases/{caseId}`. */
  path: string;
  /** The same path in @koa/router syntax, e.g. `/v1/cases/:caseId`. */
  routerPath: string;
  /** Schemes that are each enough on their own; empty when the operation is public. */
  security: SecuritySchemeName[];
  /** Media types the request body may have; empty when the operation takes no body. */
  bodyMediaTypes: string[];
  bodyRequired: boolean;
}

export interface RequestParts {
  path?: Record<string, string>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
}

const contractId = 'urn:victim-portal:contract';
const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Point the contract's local `#/…` references at the registered contract document. */
function anchorRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(anchorRefs);
  if (!isObject(value)) return value;
  const copy: Json = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = key === '$ref' && typeof item === 'string' && item.startsWith('#') ? contractId + item : anchorRefs(item);
  }
  return copy;
}

/** Plain-words detail and a pointer (`/victim/email`, `path/caseId`) for each ajv error. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, part: RequestPart): ProblemFieldError[] {
  const prefix = part === 'body' ? '' : part;
  return (errors ?? []).slice(0, 20).map((error) => {
    let pointer = error.instancePath;
    let detail = error.message ?? 'is not valid';
    if (error.keyword === 'required') {
      pointer += `/${String(error.params['missingProperty'])}`;
      detail = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      pointer += `/${String(error.params['additionalProperty'])}`;
      detail = 'is not a field the contract allows here';
    }
    return { pointer: prefix + (pointer || (prefix ? '' : '/')), detail };
  });
}

/**
 * Validators for every operation of the contract, compiled once from the contract's own
 * schemas: path, query and header parameters, request bodies and (for tests) responses.
 */
export class ContractValidator {
  readonly operations: ReadonlyMap<OperationId, OperationSpec>;
  private readonly document: Json;
  private readonly requestValidators = new Map<string, ValidateFunction>();
  private readonly responseValidators = new Map<string, ValidateFunction>();
  private readonly ajv;
  private readonly parameterAjv;

  constructor(document: Readonly<Record<string, unknown>>) {
    this.document = document as Json;
    this.ajv = this.createAjv(false);
    // Path, query and header values arrive as strings: coerce them to the declared types.
    // Bodies are never coerced: "1" is not 1 in JSON.
    this.parameterAjv = this.createAjv(true);
    const operations = new Map<OperationId, OperationSpec>();
    const paths = isObject(this.document['paths']) ? this.document['paths'] : {};
    for (const [path, pathItem] of Object.entries(paths)) {
      if (!isObject(pathItem)) continue;
      for (const method of httpMethods) {
        const operation = pathItem[method];
        if (!isObject(operation)) continue;
        const spec = this.readOperation(path, method, pathItem, operation);
        operations.set(spec.operationId, spec);
      }
    }
    this.operations = operations;
  }

  /** @returns every place where the request breaks the contract (empty when it is valid) */
  validateRequest(operationId: OperationId, parts: RequestParts): ProblemFieldError[] {
    const errors: ProblemFieldError[] = [];
    const spec = this.operations.get(operationId);
    if (spec?.bodyRequired && parts.body === undefined) errors.push({ pointer: '/', detail: 'a JSON request body is required' });
    for (const part of ['path', 'query', 'header', 'body'] as const) {
      if (part === 'body' && parts.body === undefined) continue;
      const validate = this.requestValidators.get(`${operationId} ${part}`);
      if (!validate) continue;
      if (!validate(parts[part] ?? (part === 'body' ? undefined : {}))) errors.push(...toFieldErrors(validate.errors, part));
    }
    return errors;
  }

  /**
   * Check a response against the contract: its status must be declared, its media type listed
   * and its body valid for that media type's schema.
   * @returns what is wrong, empty when the response matches
   */
  validateResponse(operationId: OperationId, status: number, mediaType: string | undefined, body: unknown): string[] {
    const spec = this.operations.get(operationId);
    if (!spec) return [`no operation ${operationId} in the contract`];
    const operation = (this.document['paths'] as Record<string, Json>)[spec.path]?.[spec.method] as Json;
    const responses = operation['responses'] as Json;
    const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in responses);
    if (!statusKey) return [`status ${status} is not declared for ${operationId}`];
    const response = this.resolve(responses[statusKey]);
    const content = isObject(response['content']) ? response['content'] : undefined;
    if (!content) return body === undefined || body === '' ? [] : [`status ${status} of ${operationId} has no body in the contract`];
    const type = (mediaType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!(type in content)) return [`media type "${type}" is not declared for ${status} of ${operationId}`];
    const key = `${operationId} ${statusKey} ${type}`;
    let validate = this.responseValidators.get(key);
    if (!validate) {
      const schema = (content[type] as Json)['schema'];
      validate = this.ajv.compile(anchorRefs(schema) as Json);
      this.responseValidators.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is not valid'}`);
  }

  /**
   * Check a value against one of the contract's named schemas (`components/schemas/…`).
   * @returns what is wrong, empty when it matches
   */
  validateSchema(schemaName: string, value: unknown): string[] {
    const key = `schema ${schemaName}`;
    let validate = this.responseValidators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${contractId}#/components/schemas/${schemaName}` });
      this.responseValidators.set(key, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is not valid'}`);
  }

  private readOperation(path: string, method: string, pathItem: Json, operation: Json): OperationSpec {
    const operationId = operation['operationId'];
    if (typeof operationId !== 'string') throw new Error(`${method.toUpperCase()} ${path} has no operationId in the contract`);
    const id = operationId as OperationId;
    const parameters = [...asArray(pathItem['parameters']), ...asArray(operation['parameters'])].map((p) => this.resolve(p));
    for (const part of ['path', 'query', 'header'] as const) {
      const inPart = parameters.filter((p) => p['in'] === part);
      if (inPart.length === 0) continue;
      // Header names are case-insensitive; Node gives them in lower case.
      const name = (p: Json) => (part === 'header' ? String(p['name']).toLowerCase() : String(p['name']));
      const schema = {
        type: 'object',
        properties: Object.fromEntries(inPart.map((p) => [name(p), anchorRefs(p['schema'] ?? {})])),
        required: inPart.filter((p) => p['required'] === true).map(name),
      };
      this.requestValidators.set(`${id} ${part}`, this.parameterAjv.compile(schema));
    }
    const requestBody = operation['requestBody'] ? this.resolve(operation['requestBody']) : undefined;
    const content = requestBody && isObject(requestBody['content']) ? requestBody['content'] : {};
    const bodyMediaTypes = Object.keys(content);
    const jsonSchema = (content['application/json'] as Json | undefined)?.['schema'];
    if (jsonSchema) this.requestValidators.set(`${id} body`, this.ajv.compile(anchorRefs(jsonSchema) as Json));
    const security = (operation['security'] ?? this.document['security'] ?? []) as Array<Record<string, unknown>>;
    return {
      operationId: id,
      method,
      path,
      routerPath: path.replace(/\{([^}]+)\}/g, ':$1'),
      security: security.flatMap((requirement) => Object.keys(requirement)) as SecuritySchemeName[],
      bodyMediaTypes,
      bodyRequired: requestBody?.['required'] === true,
    };
  }

  private createAjv(coerceTypes: boolean) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, coerceTypes });
    addFormats(ajv);
    // ajv-formats' uuid also accepts a `urn:uuid:` prefix that PostgreSQL refuses.
    ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    // The components are registered as one document so that `#/components/…` refs resolve.
    ajv.addKeyword({ keyword: 'components' });
    ajv.addSchema({ $id: contractId, components: anchorRefs(this.document['components']) });
    return ajv;
  }

  /** Follow a `$ref` to the contract's components (parameters, responses, request bodies). */
  private resolve(value: unknown): Json {
    let current = value;
    for (let hops = 0; isObject(current) && typeof current['$ref'] === 'string'; hops++) {
      if (hops > 10) throw new Error('reference loop in the contract');
      const pointer = current['$ref'].replace(/^#\//, '').split('/');
      current = pointer.reduce<unknown>((node, segment) => (isObject(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), this.document);
    }
    if (!isObject(current)) throw new Error('unresolvable reference in the contract');
    return current;
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
