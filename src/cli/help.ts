// What `evidence-pack help [COMMAND]` prints, and the "did you mean" for a mistyped command or option.
// Every command has its help here in zh-CN and en; main.ts dispatches only the commands listed in COMMANDS.
import type { Lang } from '../core/types';
import { t } from '../present/catalogue';
import { colon } from '../present/vocabulary';

type Text = Record<Lang, string>;

export interface CommandHelp {
  /** One line in the overview. */
  summary: Text;
  /** The usage line(s) after `evidence-pack `. */
  usage: Text;
  /** What the command does, a few lines. */
  about: Text;
  /** Its options, in the order shown: flag (with its value, named in each language) → what it does. */
  options: [string | Text, Text][];
}

const LANG_OPTION: [string | Text, Text] = [
  '--lang zh-CN|en',
  {
    en: 'language of messages (default from LANG: zh… → zh-CN, else en)',
    'zh-CN': '消息语言（默认取自 LANG：zh… 为 zh-CN，否则为 en）',
  },
];
const ROOT_OPTION: [string | Text, Text] = [
  { en: '--root DIR2', 'zh-CN': '--root 工作区' },
  {
    en: 'the workspace: links outside it are outside-workspace (default: the git work tree, else DIR)',
    'zh-CN': '工作区：指向其外的链接报 outside-workspace（默认：所在 git 工作树，否则为目录本身）',
  },
];

export const COMMANDS = {
  check: {
    summary: { en: 'check packs: diagnostics, score and the rating gate', 'zh-CN': '检查证据包：诊断、得分和评级门槛' },
    usage: {
      en: 'check [DIR] [--format text|json|sarif|junit] [--min-rating BAND] [--lang zh-CN|en] [--root DIR2]',
      'zh-CN': 'check [目录] [--format text|json|sarif|junit] [--min-rating 评级] [--lang zh-CN|en] [--root 工作区]',
    },
    about: {
      en: "Prints every diagnostic as path:line:col severity code message, then each pack's score.\nExit 1 on an error diagnostic or a rating below the gate; 0 otherwise.",
      'zh-CN':
        '逐条输出诊断（路径:行:列 严重程度 代码 消息），然后输出每个证据包的得分。\n有错误级诊断或评级低于门槛时退出码为 1，否则为 0。',
    },
    options: [
      ['--format text|json|sarif|junit', { en: 'output format (default text)', 'zh-CN': '输出格式（默认 text）' }],
      [
        { en: '--min-rating BAND', 'zh-CN': '--min-rating 评级' },
        {
          en: "the lowest passing band, e.g. four-star (default: the manifest's target)",
          'zh-CN': '最低通过评级，如 four-star（默认取清单中的 target）',
        },
      ],
      LANG_OPTION,
      ROOT_OPTION,
    ],
  },
  score: {
    summary: {
      en: "print each pack's score, by section, and what reaches the next band",
      'zh-CN': '输出每个证据包的得分、分项得分和升到下一级所需',
    },
    usage: {
      en: 'score [DIR] [--format text|json] [--diff REV] [--lang zh-CN|en] [--root DIR2]',
      'zh-CN': 'score [目录] [--format text|json] [--diff 版本] [--lang zh-CN|en] [--root 工作区]',
    },
    about: {
      en: 'A report, not a gate: exit 0 when every pack was scored.',
      'zh-CN': '只报告，不设门槛：每个证据包都能评分时退出码为 0。',
    },
    options: [
      ['--format text|json', { en: 'output format (default text)', 'zh-CN': '输出格式（默认 text）' }],
      [
        { en: '--diff REV', 'zh-CN': '--diff 版本' },
        {
          en: 'compare with the packs as committed at a git revision (HEAD, main, a tag…)',
          'zh-CN': '与某个 git 版本（HEAD、main、标签……）中的证据包比较',
        },
      ],
      LANG_OPTION,
      ROOT_OPTION,
    ],
  },
  init: {
    summary: {
      en: 'start a new pack: a manifest and one evidence file per top-level clause',
      'zh-CN': '新建证据包：一个清单，每个一级条款一个证据文件',
    },
    usage: {
      en: 'init [DIR] [--org NAME] [--type production|sales-service] [--target BAND] [--date YYYY-MM-DD] [--standard ID] [--lang zh-CN|en] [--force]',
      'zh-CN':
        'init [目录] [--org 名称] [--type production|sales-service] [--target 评级] [--date YYYY-MM-DD] [--standard 标准] [--lang zh-CN|en] [--force]',
    },
    about: {
      en: 'Every leaf clause is listed with its points, required kinds and guidance as comments.\nExisting files are never overwritten unless --force is given.',
      'zh-CN': '每个末级条款都列出，并以注释写明分值、所需证据类型和指引。\n除非加 --force，绝不覆盖已有文件。',
    },
    options: [
      [
        { en: '--org NAME', 'zh-CN': '--org 名称' },
        {
          en: 'the organisation assessed (default: a placeholder, reported until it is replaced)',
          'zh-CN': '受评组织名称（默认写入占位名称，替换之前会一直提示）',
        },
      ],
      [
        '--type production|sales-service',
        {
          en: 'a production or a sales-service organisation (default production)',
          'zh-CN': '生产企业（production）或销售服务企业（sales-service）（默认 production）',
        },
      ],
      [
        { en: '--target BAND', 'zh-CN': '--target 评级' },
        {
          en: 'the band aimed at, by id or label, e.g. four-star or 四星级 (default three-star)',
          'zh-CN': '目标评级，可写编号或名称，如 four-star 或 四星级（默认 three-star）',
        },
      ],
      ['--date YYYY-MM-DD', { en: 'the assessment date (default today)', 'zh-CN': '评价日期（默认今天）' }],
      [
        { en: '--standard ID', 'zh-CN': '--standard 标准' },
        { en: 'a built-in standard (default gbt27922-2011)', 'zh-CN': '内置标准（默认 gbt27922-2011）' },
      ],
      LANG_OPTION,
      ['--force', { en: 'overwrite files that already exist', 'zh-CN': '覆盖已有文件' }],
    ],
  },
  sheet: {
    summary: { en: "import a certification body's scoring sheet (.xlsx or .csv)", 'zh-CN': '导入认证机构的评分表（.xlsx 或 .csv）' },
    usage: {
      en: 'sheet import FILE.xlsx|FILE.csv [--standard ID] [--out scoring-sheet.yaml] [--force]',
      'zh-CN': 'sheet import 评分表.xlsx|评分表.csv [--standard 标准] [--out scoring-sheet.yaml] [--force]',
    },
    about: {
      en: 'Finds the header row by its names (in a workbook, on the sheet that has one), skips title, subtotal and blank rows, and writes a scoring-sheet file (leaf points, rows below leaves).\nFormulas are never calculated: their saved values are read. Every row it cannot place is an error naming its cell; nothing is written then (exit 1).',
      'zh-CN':
        '按列名查找表头行（工作簿中取含表头的工作表），跳过标题行、小计行和空行，写出评分表文件（末级分值及其下的细分行）。\n不计算公式，只读取保存的计算结果。无法归位的行都会报错并指明单元格；此时不写入任何文件（退出码 1）。',
    },
    options: [
      [
        { en: '--standard ID', 'zh-CN': '--standard 标准' },
        { en: 'the built-in standard the sheet is for (default gbt27922-2011)', 'zh-CN': '评分表所对应的内置标准（默认 gbt27922-2011）' },
      ],
      [
        { en: '--out FILE', 'zh-CN': '--out 文件' },
        { en: 'where to write (default scoring-sheet.yaml)', 'zh-CN': '写入位置（默认 scoring-sheet.yaml）' },
      ],
      ['--force', { en: 'overwrite an existing file', 'zh-CN': '覆盖已有文件' }],
    ],
  },
  report: {
    summary: {
      en: 'write the HTML report, the 评分表 workbook (.xlsx), the 自评报告 (.docx) or the flat sheet (.csv)',
      'zh-CN': '生成 HTML 报告、评分表（.xlsx）、自评报告（.docx）或平铺评分表（.csv）',
    },
    usage: {
      en: 'report [DIR] --out FILE.html|.xlsx|.docx|.csv [--format html|xlsx|docx|csv] [--lang zh-CN|en] [--root DIR2]',
      'zh-CN': 'report [目录] --out 文件.html|.xlsx|.docx|.csv [--format html|xlsx|docx|csv] [--lang zh-CN|en] [--root 工作区]',
    },
    about: {
      en: 'HTML: cover, a chart per section, every clause with its evidence, the gaps and every diagnostic. XLSX: the scoring workbook with live formulas. DOCX: the self-evaluation report (contents, a self-assessment per indicator, evidence index). CSV: one row per clause, UTF-8 with BOM.',
      'zh-CN':
        'HTML：封面、各部分图表、每个条款及其证据、差距和全部诊断。XLSX：带实时公式的评分表。DOCX：自评报告（目录、逐项自评、证据索引）。CSV：每个条款一行，带 BOM 的 UTF-8。',
    },
    options: [
      [
        { en: '--out FILE', 'zh-CN': '--out 文件' },
        {
          en: 'where to write it (required; the folder must exist); the extension picks the format',
          'zh-CN': '写到哪里（必填；目录须已存在）；扩展名决定格式',
        },
      ],
      [
        { en: '--format FORMAT', 'zh-CN': '--format 格式' },
        { en: 'html, xlsx, docx or csv, whatever the extension', 'zh-CN': 'html、xlsx、docx 或 csv，不论扩展名' },
      ],
      LANG_OPTION,
      ROOT_OPTION,
    ],
  },
  bundle: {
    summary: {
      en: 'write the hand-over bundle (.zip): the pack, its attachments, the reports and their hashes',
      'zh-CN': '生成交付包（.zip）：证据包、附件、各份报告及其哈希',
    },
    usage: {
      en: 'bundle [DIR] --out FILE.zip [--lang zh-CN|en] [--root DIR2]',
      'zh-CN': 'bundle [目录] --out 文件.zip [--lang zh-CN|en] [--root 工作区]',
    },
    about: {
      en: "files/: the manifest, evidence files, attachments, standard and scoring-sheet files; reports/: every report format;\nbundle.json: score, rating, tool and standard, every file's SHA-256; SHA256SUMS for sha256sum -c.\nThe same pack gives the same bytes. Attachments outside the workspace are never read: each is a warning.",
      'zh-CN':
        'files/：清单、证据文件、附件、标准与评分表文件；reports/：各格式的报告；\nbundle.json：得分、评级、工具与标准版本、每个文件的 SHA-256；SHA256SUMS 可用 sha256sum -c 校验。\n同一证据包生成的交付包逐字节相同。工作区之外的附件从不读取，每个都给出警告。',
    },
    options: [
      [
        { en: '--out FILE.zip', 'zh-CN': '--out 文件.zip' },
        { en: 'where to write it (required; the folder must exist)', 'zh-CN': '写到哪里（必填；目录须已存在）' },
      ],
      [
        { en: '--lang zh-CN|en', 'zh-CN': '--lang zh-CN|en' },
        { en: 'language of messages and of the reports (default from LANG)', 'zh-CN': '消息和报告的语言（默认取自 LANG）' },
      ],
      ROOT_OPTION,
    ],
  },
  verify: {
    summary: {
      en: 'check a hand-over bundle: every hash, and the score re-computed from its files',
      'zh-CN': '校验交付包：逐个核对哈希，并用包内文件重新评分',
    },
    usage: { en: 'verify FILE.zip [--lang zh-CN|en]', 'zh-CN': 'verify 文件.zip [--lang zh-CN|en]' },
    about: {
      en: 'Exit 0 when every file matches bundle.json and SHA256SUMS and the files give the recorded score;\n1 naming each changed, missing or extra file and a differing score; 2 when it is not a bundle\n(not a zip, no bundle.json, an entry named to unpack outside its folder, or too large to unpack).\nNothing is unpacked but into a temporary folder, removed afterwards.',
      'zh-CN':
        '所有文件与 bundle.json 和 SHA256SUMS 一致、且重新评分与记录相同时退出码为 0；\n有改动、缺失或多出的文件，或得分不同时为 1，并逐一列出；不是交付包时为 2\n（不是 zip、没有 bundle.json、条目名会解压到目录之外、或解压后过大）。\n只解压到临时目录，用完即删除。',
    },
    options: [LANG_OPTION],
  },
  help: {
    summary: { en: "this help, or one command's", 'zh-CN': '本帮助，或某个命令的帮助' },
    usage: { en: 'help [COMMAND]', 'zh-CN': 'help [命令]' },
    about: { en: 'evidence-pack COMMAND --help prints the same.', 'zh-CN': 'evidence-pack 命令 --help 输出相同内容。' },
    options: [],
  },
} satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof COMMANDS;

export function isCommand(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/** The overview: every command with its one-line summary. */
export function overview(lang: Lang, version: string): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  const width = Math.max(...names.map((n) => n.length));
  return [
    `evidence-pack ${version} — ${t(lang, 'help.title')}`,
    '',
    `${t(lang, 'help.usage')}${colon(lang)}evidence-pack ${t(lang, 'help.commandLine')}`,
    '',
    heading(t(lang, 'help.commands'), lang),
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n].summary[lang]}`),
    '',
    t(lang, 'help.dir'),
    t(lang, 'help.exit'),
    t(lang, 'help.more'),
    '',
  ].join('\n');
}

/** One command's help: usage, what it does, every option. */
export function commandHelp(name: CommandName, lang: Lang): string {
  const c: CommandHelp = COMMANDS[name];
  const flagText = (flag: string | Text) => (typeof flag === 'string' ? flag : flag[lang]);
  const width = Math.max(0, ...c.options.map(([flag]) => displayWidth(flagText(flag))));
  return [
    `${t(lang, 'help.usage')}${colon(lang)}evidence-pack ${c.usage[lang]}`,
    '',
    c.about[lang],
    ...(c.options.length
      ? ['', heading(t(lang, 'help.options'), lang), ...c.options.map(([flag, text]) => `  ${pad(flagText(flag), width)}  ${text[lang]}`)]
      : []),
    ...(name === 'help' ? [] : ['', t(lang, 'help.exit')]),
    '',
  ].join('\n');
}

/** A heading ends a line: its colon needs no space after it. */
function heading(text: string, lang: Lang): string {
  return text + colon(lang).trimEnd();
}

/** Columns a terminal gives the text: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Optimal string alignment distance (a swap of two neighbours is one edit: `chekc` → `check`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known word `typed` was meant to be: the only one it begins, else the closest when that is close
 * enough to be a typo (at most 2 edits, and fewer than half of its letters); undefined otherwise.
 * Ties go to the first in `known`.
 */
export function didYouMean(typed: string, known: Iterable<string>): string | undefined {
  const words = [...known];
  const letters = typed.replace(/^-+/, '').length;
  // The start of one known word (`--min` for `--min-rating`) is that word.
  const extending = letters >= 3 ? words.filter((k) => k.startsWith(typed) && k !== typed) : [];
  if (extending.length === 1) return extending[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of words) {
    const dist = editDistance(typed, k);
    if (dist < bestDistance) {
      best = k;
      bestDistance = dist;
    }
  }
  return best !== undefined && bestDistance > 0 && bestDistance <= 2 && bestDistance * 2 < letters ? best : undefined;
}
