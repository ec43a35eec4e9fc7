import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../js/sk-rows.js';

test('the server\'s data files read back as a header and rows of numbers', () => {
  const table = parseCsv('\uFEFFsepal_length,sepal_width,y\r\n6.2,2.8,2\r\n7.9,3.8,2\r\n\r\n');
  assert.deepEqual(table.header, ['sepal_length', 'sepal_width', 'y']);
  assert.deepEqual(table.rows, [[6.2, 2.8, 2], [7.9, 3.8, 2]]);
});

test('an empty file has no rows', () => {
  assert.deepEqual(parseCsv(''), { header: [''], rows: [] });
});
