import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/text/lineIndex';

describe('LineIndex', () => {
  it('maps offsets and positions both ways across LF and CRLF lines', () => {
    const text = 'a: 1\r\nbb: 2\nccc: 3';
    const lines = new LineIndex(text);
    expect(lines.lineCount).toBe(3);
    expect(lines.positionAt(text.indexOf('bb'))).toEqual({ line: 1, character: 0 });
    expect(lines.positionAt(text.indexOf('3'))).toEqual({ line: 2, character: 5 });
    expect(lines.offsetAt({ line: 1, character: 4 })).toBe(text.indexOf('2'));
    expect(lines.lineText(0)).toBe('a: 1');
  });

  it('clamps positions outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    expect(lines.offsetAt({ line: 9, character: 0 })).toBe(5);
    expect(lines.offsetAt({ line: 0, character: 99 })).toBe(2);
    expect(lines.positionAt(-4)).toEqual({ line: 0, character: 0 });
  });
});
