import { DiagnosticSeverity } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { clip, eolOf, lineBreakAt, lineEndAt, lineStartAt, splitLines, truncateAtWord } from '../../src/core/text/lines';
import { shiftSpan } from '../../src/core/model/spans';
import { messageOf } from '../../src/core/util/errors';
import { filePathOf, fileUriOf, lspSeverity } from '../../src/server/lsp';

describe('line helpers', () => {
  const text = 'ab\r\ncd\nef';
  it('find the start and end of the line holding an offset, before a \\n or a \\r\\n', () => {
    expect([0, 1, 2].map((o) => [lineStartAt(text, o), lineEndAt(text, o)])).toEqual([[0, 2], [0, 2], [0, 2]]);
    expect([4, 5, 6].map((o) => [lineStartAt(text, o), lineEndAt(text, o)])).toEqual([[4, 6], [4, 6], [4, 6]]);
    expect([lineStartAt(text, 9), lineEndAt(text, 9)]).toEqual([7, 9]);
    expect([lineBreakAt(text, 0), lineBreakAt(text, 4), lineBreakAt(text, 8)]).toEqual([3, 6, 9]);
  });

  it('truncate at a word boundary with an ellipsis, and only when too long', () => {
    expect(truncateAtWord('one two three', 9)).toBe('one two…');
    expect(truncateAtWord('one two', 7)).toBe('one two');
  });

  it('split lines at \n and \r\n, tell which line break a text uses, and clip one-line quotes', () => {
    expect(splitLines(text)).toEqual(['ab', 'cd', 'ef']);
    expect([eolOf(text), eolOf('a\nb')]).toEqual(['\r\n', '\n']);
    expect(clip('abcdefghij', 8)).toBe('abcde...');
    expect(clip('abcdefgh', 8)).toBe('abcdefgh');
  });

  it('shift spans', () => {
    expect(shiftSpan({ start: 2, end: 5 }, 10)).toEqual({ start: 12, end: 15 });
  });
});

describe('messageOf', () => {
  it('gives an error\'s message, or the thrown value in words', () => {
    expect(messageOf(new TypeError('bad'))).toBe('bad');
    expect(messageOf('plain')).toBe('plain');
    expect(messageOf(undefined)).toBe('undefined');
  });
});

describe('LSP helpers', () => {
  it('map our severities to LSP severities', () => {
    expect((['error', 'warning', 'info', 'hint'] as const).map(lspSeverity)).toEqual([
      DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint]);
  });

  it('turn file URIs into paths and back, as VS Code spells them, and leave other schemes alone', () => {
    for (const file of ['/tmp/a b/c.yaml', '/tmp/x#y/é.yaml', '/tmp/a+b@c/[x].yaml']) expect(filePathOf(fileUriOf(file))).toBe(file);
    expect(fileUriOf('/tmp/a+b/c:d.yaml')).toBe('file:///tmp/a%2Bb/c%3Ad.yaml');
    expect(filePathOf('untitled:Untitled-1')).toBeUndefined();
  });
});
