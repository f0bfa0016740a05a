import * as v from 'valibot';
import { ErrorCodes, ResponseError, type CancellationToken, type Connection, type HandlerResult } from 'vscode-languageserver';
import type { CheckedNotification, CheckedRequest } from '../protocol';

/**
 * The one place where params from the client are checked. A request whose params do not fit its schema is answered
 * with JSON-RPC -32602 "invalid params" and a message naming the field, before any handler sees it (instead of a
 * TypeError deep in a handler, answered as -32603). A notification cannot be answered: it is ignored with a warning.
 */
export function checkedParams<S extends v.GenericSchema>(method: string, schema: S, params: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, params);
  if (result.success) return result.output;
  throw new ResponseError(ErrorCodes.InvalidParams, `Invalid params for ${method}: ${describeIssues(result.issues)}`);
}

function checked<S extends v.GenericSchema, R>(method: string, schema: S, handler: (params: v.InferOutput<S>, token: CancellationToken) => R) {
  return (params: unknown, token: CancellationToken): R => handler(checkedParams(method, schema, params), token);
}

/**
 * Wraps the handler of a standard LSP request so that its params are checked first (see `checkedParams`); the
 * handler keeps the library's type of them (`P`), which the schema checks the fields of that our handlers read.
 */
export function guarded<P, R>(method: string, schema: v.GenericSchema, handler: (params: P) => R): (params: P) => R {
  return (params: P): R => { checkedParams(method, schema, params); return handler(params); };
}

export function onCheckedRequest<S extends v.GenericSchema, R>(
  connection: Connection, type: CheckedRequest<S, R>, handler: (params: v.InferOutput<S>, token: CancellationToken) => HandlerResult<R, void>,
): void {
  connection.onRequest(type, checked(type.method, type.params, handler));
}

export function onCheckedNotification<S extends v.GenericSchema>(connection: Connection, type: CheckedNotification<S>, handler: (params: v.InferOutput<S>) => void): void {
  connection.onNotification(type, (params: unknown) => {
    const result = v.safeParse(type.params, params);
    if (result.success) handler(result.output);
    else connection.console.warn(`Ignored ${type.method}: invalid params: ${describeIssues(result.issues)}`);
  });
}

function describeIssues(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
  return issues.slice(0, 3).map((issue) => `${v.getDotPath(issue) ?? 'params'}: ${issue.message}`).join('; ');
}
