// A certification body's sheet as people make it, for the sheet import tests (CSV and XLSX): a title row,
// a header found by its names, a title row and a subtotal row per section, numbers as text, full-width
// digits, and 5.3.2 refined into 5.3.2-1 (8, sampled) and 5.3.2-2 (5).
import { builtinStandard } from '../../src/core/standard/builtin';

export const builtin = builtinStandard('gbt27922-2011')!;
export const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The body's sheet as CSV text (UTF-8 with BOM, CRLF), `extra` lines before the grand total. */
export function bodySheet(extra: string[] = []): string {
  const lines = ['某认证有限公司（示例）商品售后服务认证评分表,,,,', ',,,,', '编号,条款号,评价内容,标准分,抽样'];
  for (const top of builtin.clauses) {
    lines.push(`,${top.id},${top.title['zh-CN']},,`); // a section title row (no points)
    for (const leaf of builtin.leaves.filter((l) => l.id.startsWith(top.id + '.'))) {
      if (leaf.id === '5.3.2') {
        lines.push(',5.3.2-1,投诉受理,"8",是', `,5.3.2-2,"投诉回访, 闭环",${fullWidth('5')},`);
      } else {
        lines.push(`,${leaf.id},${leaf.title['zh-CN']},"${fullWidth(String(leaf.points))}",`);
      }
    }
    lines.push(`,小计,,${top.points},`);
  }
  lines.push(...extra, ',合计,,100,');
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** Row of the header in bodySheet (1-based), and rows before the extra lines. */
export const HEADER_ROW = 3;
export const bodyRows = () => builtin.leaves.length + 1 + 2 * builtin.clauses.length; // leaves (5.3.2 as two rows), a title and a subtotal per section
