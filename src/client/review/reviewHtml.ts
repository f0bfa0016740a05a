import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

/** The webview page: strict CSP, one nonce for our script, local resources only, no remote content. */
export function reviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('review.css')}">
<title>Review Cards</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Loading cards…</p></main>
<script nonce="${nonce}" src="${asset('review.js')}"></script>
</body>
</html>`;
}
