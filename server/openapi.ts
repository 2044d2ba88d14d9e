/**
 * The API reference: an OpenAPI 3.1 document built from the routers the server runs, so every
 * action any function accepts appears as the operation `<function>.<action>`, with the zod
 * schema of its `data` (z.toJSONSchema works on zod/mini schemas). Served at
 * `GET /api/openapi.json` and written to docs/api/openapi.json by `npm run gen:openapi`.
 */
import { ERROR_CODES, HTTP_STATUS } from '../core/shared/errors';
import { FIELD_LABELS } from '../core/shared/field-labels';
import { eventSchema, type ActionMap } from '../core/shared/router';
import { z } from '../core/shared/zod';
import { version } from '../package.json';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return withTitles(rest);
}

/** Each property gets its Chinese field name as `title` (the same names validation messages use). */
function withTitles(node: unknown): Json {
  if (Array.isArray(node)) return node.map(withTitles) as unknown as Json;
  if (!node || typeof node !== 'object') return node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, prop]) => {
          const titled = withTitles(prop);
          return [name, Object.prototype.hasOwnProperty.call(FIELD_LABELS, name) && !titled.title ? { title: FIELD_LABELS[name], ...titled } : titled];
        }),
      );
    } else out[key] = withTitles(value);
  }
  return out;
}

const requestIdSchema = (jsonSchema(eventSchema).properties as Json).requestId;

const errorStatuses = [...new Set(Object.values(HTTP_STATUS))].sort((a, b) => a - b);

function errorResponseName(status: number): string {
  return `Error${status}`;
}

function operation(fn: string, action: string, input: z.ZodMiniType, api: string): Json {
  const required = input.safeParse({}).success ? ['action'] : ['action', 'data'];
  const errors = Object.fromEntries(errorStatuses.map((s) => [String(s), { $ref: `#/components/responses/${errorResponseName(s)}` }]));
  return {
    post: {
      operationId: `${fn}.${action}`,
      tags: [fn],
      summary: `${fn}.${action}`,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: { action: { const: action }, data: jsonSchema(input), requestId: { $ref: '#/components/schemas/RequestId' } },
              required,
              additionalProperties: false,
            },
          },
        },
      },
      responses: {
        '200': {
          description: `成功。data 的类型：${api}['${action}']['output']（cloudfunctions/${fn}/handler.ts）`,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/OkEnvelope' },
            },
          },
        },
        ...errors,
      },
    },
  };
}

/** `complaints` → `ComplaintsApi` (the type each handler exports). */
const apiTypeName = (fn: string) => `${fn[0].toUpperCase()}${fn.slice(1)}Api`;

/** The actions of a handler made by `createRouter` (a test double may be a bare function). */
function actionsOf(handler: unknown): ActionMap | undefined {
  return typeof handler === 'function' && 'actions' in handler ? (handler as { actions: ActionMap }).actions : undefined;
}

/** `functions`: the handlers the server exposes, by function name. */
export function openApiDocument(functions: Record<string, unknown>): Json {
  const paths: Json = {};
  const fns = Object.keys(functions)
    .filter((fn) => actionsOf(functions[fn]))
    .sort();
  for (const fn of fns) {
    for (const [action, def] of Object.entries(actionsOf(functions[fn]) ?? {})) {
      // One URL per function; the fragment only keeps the operations apart (clients drop it).
      paths[`/api/${fn}#${action}`] = operation(fn, action, def.input, apiTypeName(fn));
    }
  }
  const codesByStatus = (status: number) => ERROR_CODES.filter((c) => HTTP_STATUS[c] === status);
  return {
    openapi: '3.1.0',
    info: {
      title: '站点通 API',
      version,
      description: [
        '每个云函数收 `{ action, data, requestId? }`，答 `{ ok: true, data }` 或 `{ ok: false, error: { code, message, fields? } }`。',
        '微信小程序：`wx.cloud.callFunction({ name: <函数>, data: <请求体> })`，答复在 `result`；本地服务：`POST /api/<函数>`，答复是响应体（HTTP 状态码随错误码）。',
        '同一函数的各操作共用一个地址，路径里 `#` 之后的部分只用来区分操作（operationId 为 `<函数>.<操作>`）。',
        '`data` 里不认识的字段一律拒绝；`message` 是给用户看的中文，`fields` 按字段路径（如 `data.description`）给出每个字段的问题。',
        '身份：云端取自微信上下文的 OPENID；本地服务取自请求头 `X-WX-OPENID`。客户端提交的任何字段都不代表身份。',
        '写操作带 `requestId`（8–64 位字母、数字、_ 或 -）：重试同一次提交时用同一个编号，服务端答复第一次的结果。',
      ].join('\n\n'),
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: '本地服务（npm start）' }],
    tags: fns.map((name) => ({ name })),
    security: [{}, { wxOpenid: [] }],
    paths,
    components: {
      securitySchemes: {
        wxOpenid: { type: 'apiKey', in: 'header', name: 'X-WX-OPENID', description: '本地服务的调用者身份（微信云托管注入同名请求头）；云函数里取自微信上下文' },
      },
      schemas: {
        RequestId: requestIdSchema,
        OkEnvelope: { type: 'object', properties: { ok: { const: true }, data: {} }, required: ['ok', 'data'], additionalProperties: false },
        ErrorEnvelope: {
          type: 'object',
          properties: {
            ok: { const: false },
            error: {
              type: 'object',
              properties: {
                code: { type: 'string', enum: [...ERROR_CODES] },
                message: { type: 'string', description: '给用户看的简短中文' },
                fields: { type: 'object', additionalProperties: { type: 'string' }, description: '字段路径 → 该字段的问题（VALIDATION_ERROR）' },
              },
              required: ['code', 'message'],
              additionalProperties: false,
            },
          },
          required: ['ok', 'error'],
          additionalProperties: false,
        },
      },
      responses: Object.fromEntries(
        errorStatuses.map((status) => [
          errorResponseName(status),
          {
            description: `失败：${codesByStatus(status).join('、')}`,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
          },
        ]),
      ),
    },
  };
}

/** The file's text: stable key order (as built), two-space indent, final newline. */
export function openApiText(functions: Record<string, unknown>): string {
  return `${JSON.stringify(openApiDocument(functions), null, 2)}\n`;
}
