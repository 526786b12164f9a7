// Problems of the pack manifest itself (evidence-pack.yaml), found while it is read (src/core/manifest.ts) and
// while the engine resolves its standard and target (src/core/engine.ts).
import { defineCode } from '../diagnostic';

export const MANIFEST_INVALID = defineCode({
  code: 'manifest-invalid',
  severity: 'error',
  description: {
    en: 'The pack manifest cannot be used as written: unreadable, no usable standard, or a target that is not a rating band.',
    'zh-CN': '证据包清单无法按所写内容使用：无法读取、没有可用的标准，或目标等级不是标准中的评级。',
  },
  message: { en: '{detail}', 'zh-CN': '{detail}' },
  variants: {
    unreadable: { en: 'Cannot read the pack manifest: {detail}', 'zh-CN': '无法读取证据包清单：{detail}' },
    noStandard: {
      en: 'The manifest must name a standard (standard: gbt27922-2011 or a file path)',
      'zh-CN': '清单必须指明标准（standard: gbt27922-2011 或文件路径）',
    },
    unknownStandard: {
      en: 'Unknown standard "{standard}": not a built-in id ({builtins}) and no such file',
      'zh-CN': '未知标准“{standard}”：既不是内置标准（{builtins}），也没有此文件',
    },
    unknownTarget: {
      en: 'target: "{target}" is not a rating band of the standard; write one of {bands}',
      'zh-CN': 'target：“{target}”不是标准中的评级；可写 {bands}',
    },
  },
});

export const PLACEHOLDER_ORGANIZATION = defineCode({
  code: 'placeholder-organization',
  severity: 'warning',
  description: {
    en: 'The manifest still names the placeholder organisation that init wrote ("Company name", "公司名称"); it would be printed on the report\'s cover.',
    'zh-CN': '清单中的受评组织仍是新建证据包时写入的占位名称（“公司名称”“Company name”），它会被印在报告封面上。',
  },
  message: {
    en: 'The organisation is still the placeholder "{name}": write the name of the organisation assessed (it is printed on the report\'s cover)',
    'zh-CN': '受评组织仍是占位名称“{name}”：请填写受评组织的名称（它会印在报告封面上）',
  },
});
