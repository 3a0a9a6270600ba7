/**
 * One REST endpoint: its method and path, the scope it needs, its zod schemas (the same
 * ones the socket protocol uses; the OpenAPI document is generated from them) and what it
 * runs. `endpoint()` parses the query and body before `run` sees them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ApiScope } from '../../../../common/protocol-api-keys';
import { CommandError } from '../../../../common/result';
import type { HandlerTable } from '../../handlers/dispatch';
import type { Services } from '../../handlers/context';
import type { ApiCaller } from './caller';

export type EndpointInput = {
  readonly caller: ApiCaller;
  readonly handlers: HandlerTable;
  readonly services: Services;
  /** The decoded `{chatId}` of the path, when it has one (not yet checked). */
  readonly chatId: string;
  /** The decoded `{contactId}` of the path, when it has one (not yet checked). */
  readonly contactId: string;
  /** The decoded `{messageId}` of the path, when it has one (not yet checked). */
  readonly messageId: string;
  /** For `raw` endpoints: the request to stream from, the response to stream to. */
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
};

export type Endpoint = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Under /api/v1, OpenAPI style: `/chats/{chatId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly scope: ApiScope;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  readonly status: 200 | 201 | 202;
  /**
   * request: the body is a file (any type, streamed by run), not JSON. response: run
   * streams a file to `res` itself and answers `STREAMED`.
   */
  readonly raw?: { readonly request?: boolean; readonly response?: boolean };
  readonly run: (input: EndpointInput) => Promise<unknown>;
};

type Parsed<Q extends z.ZodType | undefined> = Q extends z.ZodType ? z.output<Q> : undefined;

type Definition<Q extends z.ZodObject | undefined, B extends z.ZodType | undefined> = Omit<
  Endpoint,
  'run' | 'query' | 'body'
> & {
  readonly query?: Q;
  readonly body?: B;
  readonly run: (
    input: Omit<EndpointInput, 'query' | 'body'> & { query: Parsed<Q>; body: Parsed<B> },
  ) => Promise<unknown>;
};

function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'body'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map(i => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new CommandError('invalid_args', `invalid ${where}`, { issues });
}

export function endpoint<Q extends z.ZodObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  def: Definition<Q, B>,
): Endpoint {
  return {
    ...def,
    run: async input => {
      const query = (def.query ? parse(def.query, input.query, 'query') : undefined) as Parsed<Q>;
      const body = (def.body ? parse(def.body, input.body, 'body') : undefined) as Parsed<B>;
      return def.run({ ...input, query, body });
    },
  };
}

/** What a `raw.response` endpoint answers once it has streamed the file. */
export const STREAMED = Symbol('streamed');
