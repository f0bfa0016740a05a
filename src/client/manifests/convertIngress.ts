import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CONVERT_INGRESS_REQUEST, type ConvertIngressParams } from '../../server/protocol';
import { yamlDocumentFor } from './yamlDocument';

/**
 * "Convert Ingresses to Gateway API": the server converts the file's Ingresses and the Gateway/HTTPRoute YAML opens in
 * a new untitled document beside it (nothing in the file changes). The code action passes the document's URI; the
 * palette uses the active editor.
 */
export async function convertIngressToGateway(client: LanguageClient, resource?: unknown): Promise<void> {
  const document = await yamlDocumentFor(resource, 'Open a Kubernetes YAML file with an Ingress to convert it.');
  if (!document) return;
  const conversion = await client.sendRequest(CONVERT_INGRESS_REQUEST, { uri: document.uri.toString() } satisfies ConvertIngressParams);
  if (!conversion) {
    void vscode.window.showInformationMessage('No Ingress to convert in this file.');
    return;
  }
  const converted = await vscode.workspace.openTextDocument({ language: 'yaml', content: conversion.yaml });
  await vscode.window.showTextDocument(converted, { viewColumn: vscode.ViewColumn.Beside });
  if (conversion.notConverted.length > 0) {
    void vscode.window.showWarningMessage(`${conversion.notConverted.length} thing(s) could not be converted; they are listed at the top of the new document.`);
  }
}
