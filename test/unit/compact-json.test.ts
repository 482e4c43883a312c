/** compactJson writes the bytes of JSON.stringify(JSON.parse(text)), for JSON spaced and numbered as PostgreSQL writes it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactJson } from '../../src/read/compact-json.js';

const same = (text: string) => assert.equal(compactJson(text).toString('utf8'), JSON.stringify(JSON.parse(text)), text.slice(0, 200));

test('PostgreSQL spacing, number forms and escapes', () => {
  same('{"id" : "TWF0ZXJpYWw6MQ", "n" : 1, "list" : [1, 2, \n 3], "o" : {"a" : null, "b" : true, "c" : false}}');
  for (const n of ['1e-05', '1.50', '-0', '-0.0', '0.0', '1e+15', '1e+21', '1.0', '0.30000000000000004', '12345678901234567890', '-1.5E-7', '100', '0', '3.7', '-273.15', '0.5', '-0.5', '1e-07', '9007199254740993', '123456789012345', '1234567890123456']) same(`{"v" : ${n}}`);
  for (const s of ['"a\\"b"', '"back\\\\slash"', '"tab\\tnew\\nline"', '"\\u00e9t\\u00e9"', '"a\\/b"', '"\\u001f"', '"\\u2028"', '"end\\\\"', '"é—😀"', '""', '"\\\\\\""']) same(`[${s}, ${s}]`);
  same('[]');
  same('{}');
  same('"just a string"');
  same('  [ ]  ');
  assert.throws(() => compactJson('{"a" : "unterminated}'), SyntaxError);
});

test('an answer that grows (every number written longer) is not cut', () => {
  same(`[${Array.from({ length: 500 }, () => '1e+20').join(',')}]`);
  same(`{"a":[${Array.from({ length: 300 }, () => '"\\u00e9\\u00e9"').join(',')}],"b":1e-05}`);
});

test('random values written as PostgreSQL would: the same bytes as parse and stringify', () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const space = () => pick(['', ' ', ' ', '\n ', '  ']);
  const chars = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', '\u0001', '\u001f', 'é', '\u2028', '😀', '—', '{', ']', ':', ',', '-', '1'];
  const number = (): string => {
    const x = pick([0, -0, 1, -1, 0.5, 1e-5, 1.23e-7, 4.2e15, 1e21, 123456.789, 0.1 + 0.2, 3.7, -273.15, 2 ** 53 + 2, 42, 1500]);
    return pick([String(x), x.toExponential(), Object.is(x, -0) ? '-0' : String(x), Number.isInteger(x) && Math.abs(x) < 1e15 ? `${x}.0` : `${x}`, String(x).includes('.') ? `${x}0` : String(x)]);
  };
  const string = (): string => {
    const value = Array.from({ length: Math.floor(random() * 6) }, () => pick(chars)).join('');
    // PostgreSQL escapes as JSON.stringify does; JSON text may also spell characters as \u escapes or \/.
    return pick([JSON.stringify(value), JSON.stringify(value).replace(/[é/]/g, (c) => (c === '/' ? '\\/' : '\\u00e9'))]);
  };
  const write = (depth: number): string => {
    const kind = depth > 3 ? pick(['n', 's', 'l']) : pick(['n', 's', 'l', 'o', 'a', 'o', 'a']);
    if (kind === 'n') return number();
    if (kind === 's') return string();
    if (kind === 'l') return pick(['true', 'false', 'null']);
    const size = Math.floor(random() * 4);
    if (kind === 'a') return `[${Array.from({ length: size }, () => `${space()}${write(depth + 1)}`).join(`,${space()}`)}]`;
    const keys = [...new Set(Array.from({ length: size }, (_, i) => `k${i}${pick(['', 'é', '\\"', '-1'])}`))];
    return `{${keys.map((k) => `${space()}"${k}"${space()}:${space()}${write(depth + 1)}`).join(',')}${space()}}`;
  };
  for (let i = 0; i < 5000; i++) same(write(0));
});
