/**
 * Ruleset issues in Chinese. The checks word their findings in English (with ids, expressions
 * and JSON paths, which stay as they are); this turns each wording into Chinese, phrase by
 * phrase, in one place. What no rule covers keeps its English after the Chinese name of its code.
 */

/** The kinds of ruleset issues, in Chinese. */
const CODE_ZH: Readonly<Record<string, string>> = {
  invalid_schema: "格式错误",
  syntax_error: "语法错误",
  unknown_name: "未知名称",
  unknown_function: "未知函数",
  unknown_value: "未知取值",
  type_mismatch: "类型不符",
  arity: "参数个数不符",
  duplicate_id: "编号重复",
  unknown_reference: "引用不存在",
  tier_gap: "档次有缺口",
  tier_overlap: "档次重叠",
  invalid_value: "取值无效",
  unknown_parameter: "未知参数",
  unknown_ruleset: "未知规则集",
};

const KIND_ZH: Readonly<Record<string, string>> = {
  number: "数字",
  boolean: "布尔值（是/否）",
  string: "文本",
  list: "列表",
  object: "对象",
  array: "数组",
  map: "表格参数",
  null: "空值",
  "a number": "数字",
  "a boolean": "布尔值",
  "a string": "文本",
  "a list": "列表",
  "an object": "对象",
  "an array": "数组",
  "a whole number": "整数",
  "a number or a decimal string": "数字或数字文本",
  "a number or a parameter": "数字或参数",
  "true or false": "true 或 false",
  "a bilingual name { zh, en }": "中英文名称 { zh, en }",
  "a table { key: number }": "表格 { 键: 数字 }",
  "a boolean expression": "布尔表达式",
  "a number expression": "数值表达式",
};
/** A kind in Chinese; a value described as `string "bool"` keeps its value. */
const kind = (k: string): string => {
  const t = k.trim();
  if (KIND_ZH[t]) return KIND_ZH[t]!;
  const m = /^(string|number|boolean) (.*)$/.exec(t);
  return m ? `${KIND_ZH[m[1]!]} ${m[2]}` : t === "nothing" ? "空" : t;
};

/** Which part of an expression: `the left side of "+"` → `“+”的左边`. */
function side(w: string): string {
  const m = /^the (left|right) side of ("[^"]*")$/.exec(w);
  if (m) return `${m[2]} 的${m[1] === "left" ? "左边" : "右边"}`;
  const o = /^the operand of ("[^"]*")$/.exec(w);
  if (o) return `${o[1]} 的操作数`;
  const a = /^argument (\d+) of (.*)$/.exec(w);
  return a ? `${a[2]} 的第 ${a[1]} 个参数` : w;
}

/** A syntax hint in Chinese. */
function hint(h: string): string {
  if (!h) return "";
  const map: Record<string, string> = {
    ': did you mean ">="?': "：是否应为 \">=\"？",
    ': did you mean "<="?': "：是否应为 \"<=\"？",
    ': compare with "==" (there is no assignment)': "：比较相等请用 \"==\"（没有赋值）",
    ": write a percentage as a decimal (80% is 0.8)": "：百分数请写成小数（80% 写作 0.8）",
    ': write ">="': "：请写 \">=\"",
    ': write "<="': "：请写 \"<=\"",
    ': write "!="': "：请写 \"!=\"",
    ": a full-width character; use ASCII ( ) ,": "：这是全角字符，请用半角 ( ) ,",
  };
  const amp = /^: write "(&&|\|\|)" or "(and|or)"$/.exec(h);
  return map[h] ?? (amp ? `：请写 "${amp[1]}" 或 "${amp[2]}"` : h);
}

/** Whole-message wordings: [pattern, Chinese]. Tried in order; the first match wins. */
const WHOLE: readonly (readonly [RegExp, (...m: string[]) => string])[] = [
  [/^unknown key ("[^"]*")$/, (_, k) => `未知的键 ${k}`],
  [/^missing required key ("[^"]*") \((.*)\)$/, (_, k, e) => `缺少必需的键 ${k}（应为${kind(e!)}）`],
  [/^expected one of (.*) or a string parameter, got (.*)$/, (_, a, g) => `应为 ${a} 之一或文本参数，实际为 ${g}`],
  [/^expected one of (.*), got (.*)$/, (_, a, g) => `应为 ${a} 之一，实际为${kind(g!)}`],
  [/^expected a (boolean|number) expression, but (.*) is a (\w+)$/, (_, w, e, t) => `应为${kind(`a ${w} expression`)}，但 ${e} 是${kind(t!)}`],
  [/^expected (.*), got (.*)$/, (_, e, g) => `应为${kind(e!)}，实际为${kind(g!)}`],
  [/^value does not match any allowed shape$/, () => "取值不符合任何允许的形式"],
  [/^must be at least (.*)$/, (_, v) => `不得小于 ${v}`],
  [/^must be at most (.*)$/, (_, v) => `不得大于 ${v}`],
  [/^unknown name ("[^"]*") \(not a fact, parameter or score\)$/, (_, n) => `未知名称 ${n}（不是事实项、参数或得分）`],
  [/^unknown function ("[^"]*")$/, (_, n) => `未知函数 ${n}`],
  [/^unknown parameter (".*") in ruleset ("[^"]*")$/, (_, n, r) => `规则集 ${r} 没有参数 ${n}`],
  [/^unknown text parameter ("[^"]*")$/, (_, n) => `未知的文本参数 ${n}`],
  [/^unknown ruleset (.*); bundled: (.*)$/, (_, n, b) => `未知的规则集 ${n}；内置规则集：${b}`],
  [/^unknown (group|document|score|star|fact|grade|veto item|remediation step) ("[^"]*")$/, (_, k, n) => `未知的${{ group: "分组", document: "文件", score: "得分", star: "星", fact: "事实项", grade: "等次", "veto item": "一票否决项", "remediation step": "帮教整改步骤" }[k!]} ${n}`],
  [/^(min|max) of parameter ("[^"]*") must be a number or a numeric parameter, got (.*)$/, (_, s, n, g) => `参数 ${n} 的${s === "min" ? "下限" : "上限"}应为数字或数值参数，实际为 ${g}`],
  [/^(min|max|step) of ("[^"]*"): unknown parameter ("[^"]*")$/, (_, s, f, n) => `${f} 的${{ min: "下限", max: "上限", step: "步长" }[s!]}：未知参数 ${n}`],
  [/^(.*): unknown parameter ("[^"]*")$/, (_, w, n) => `${w}：未知参数 ${n}`],
  [/^table entry (?:("[^"]*") )?must be a number, got (.*)$/, (_, e, g) => `表格${e ? ` ${e} ` : ""}项应为数字，实际为 ${g}`],
  [/^table ("[^"]*") has no key (.*)$/, (_, t, k) => `表格 ${t} 没有键 ${k}`],
  [/^duplicate (?:star |veto )?id ("[^"]*") \(also (.*)\)$/, (_, n, a) => `编号 ${n} 重复（另见 ${a}）`],
  [/^duplicate procedure step ("[^"]*")$/, (_, n) => `程序步骤 ${n} 重复`],
  [/^("[^"]*") is declared both as a (\w+) and as a (\w+); names must be unique.*$/, (_, n) => `${n} 被重复声明；事实项、参数和得分的名称不能相同`],
  [/^parameter ("[^"]*") must be at (least|most) (.*), got (.*)$/, (_, n, s, v, g) => `参数 ${n} 不得${s === "least" ? "小于" : "大于"} ${v}，实际为 ${g}`],
  [/^parameter ("[^"]*") must be (.*), got (.*)$/, (_, n, w, g) => `参数 ${n} 应为${kind(w!.replace(/^one of /, ""))}${w!.startsWith("one of ") ? " 之一" : ""}，实际为 ${g}`],
  [/^(.*) must be a whole number, got (.*)$/, (_, w, g) => `${w} 应为整数，实际为 ${g}`],
  [/^(.*) divides by zero$/, (_, w) => `${w} 除以零`],
  [/^star ("[^"]*") has no conditions; give at least one$/, (_, n) => `星 ${n} 没有条件；至少要有一个`],
  [/^veto ("[^"]*") cancels a star but names none; add "star"$/, (_, n) => `一票否决项 ${n} 取消星但未指明哪颗星；请加上 "star"`],
  [/^veto ("[^"]*") names unknown star ("[^"]*")$/, (_, v, n) => `一票否决项 ${v} 指向未知的星 ${n}`],
  [/^veto ("[^"]*") caps the level but gives no "cap"$/, (_, v) => `一票否决项 ${v} 限定最高星级但未给出 "cap"`],
  [/^cap of veto ("[^"]*") is (-?\d+)(?: \(parameter ("[^"]*")\))?, outside the rating's (-?\d+)–(-?\d+)$/, (_, v, c, p, a, b) => `一票否决项 ${v} 的最高星级 ${c}${p ? `（参数 ${p}）` : ""} 超出星级范围 ${a}–${b}`],
  [/^veto ("[^"]*") caps the level, but the rating is graded \((.*)\): use "disqualify" or "cancelStar"$/, (_, v, g) => `一票否决项 ${v} 限定最高星级，但本方案评定等次（${g}）：请改用 "disqualify" 或 "cancelStar"`],
  [/^no tier covers rating (.*?)(?: \(between tiers ("[^"]*") and ("[^"]*")\))?(; tiers must cover every rating from (\d+) to (\d+))?$/, (_, r, t1, t2, __, a, b) => `没有档次覆盖星级 ${r}${t1 ? `（在档次 ${t1} 和 ${t2} 之间）` : ""}${a ? `；档次须覆盖 ${a} 到 ${b} 的每个星级` : ""}`],
  [/^no tier covers grade ("[^"]*")$/, (_, g) => `没有档次覆盖等次 ${g}`],
  [/^tiers ("[^"]*") and ("[^"]*") both cover (rating|ratings|grade) (.*)$/, (_, a, b, k, r) => `档次 ${a} 和 ${b} 都覆盖了${k === "grade" ? "等次" : "星级"} ${r}`],
  [/^the last band must omit "min" so that every score gets a rating$/, () => `最后一个分数段不能有 "min"，以保证每个分数都有评定结果`],
  [/^bands must be listed highest first: band (\d+) \(min (.*)\) is not below band (\d+) \(min (.*)\)$/, (_, i, a, j, b) => `分数段须从高到低排列：第 ${i} 段（下限 ${a}）不低于第 ${j} 段（下限 ${b}）`],
  [/^levels must step down by one: (\d+) is followed by (\d+)$/, (_, a, b) => `星级须逐级递减：${a} 之后是 ${b}`],
  [/^nested more than (\d+) levels deep$/, (_, n) => `嵌套超过 ${n} 层`],
  [/^unterminated string$/, () => "文本缺少结尾的引号"],
  [/^unexpected character ("[^"]*")(.*)$/, (_, c, h) => `无法识别的字符 ${c}${hint(h!)}`],
  [/^the expression ended where a value was expected$/, () => "表达式在应有值的地方结束了"],
  [/^unexpected ("[\s\S]*") where a value was expected$/, (_, t) => `此处应为一个值，却出现 ${t}`],
  [/^unexpected ("[\s\S]*") after the end of the expression$/, (_, t) => `表达式结束后多出 ${t}`],
  [/^comparisons cannot be chained; use "and"$/, () => `比较不能连写；请用 "and" 连接`],
  [/^the expression is (\d+) characters long; at most (\d+) are allowed.*$/, (_, n, m) => `表达式长 ${n} 个字符，最多 ${m} 个（请拆分为若干得分）`],
  [/^the expression is more than (\d+) operations deep.*$/, (_, n) => `表达式超过 ${n} 层运算（很长的 + 或 and 连写）：请用 sum(…) 或拆分为若干得分`],
  [/^(.*) must be a (number|boolean|string|list), but (.*) is a (\w+)$/, (_, w, k, e, t) => `${side(w!)}应为${kind(k!)}，但 ${e === "this expression" ? "此表达式" : e} 是${kind(t!)}`],
  [/^cannot compare (.*) \((\w+)\) with (.*) \((\w+)\)$/, (_, a, ka, b, kb) => `不能比较 ${a}（${kind(ka!)}）和 ${b}（${kind(kb!)}）`],
  [/^(.*) is too long \((\d+) characters; at most (\d+)\)$/, (_, w, n, m) => `${w} 过长（${n} 个字符，最多 ${m} 个）`],
];

/** Pieces that can end any wording. */
function tail(s: string): string {
  return s
    .replace(/ \(did you mean ("[^"]*")\?\)/g, "（是否应为 $1？）")
    .replace(/ \(at character (\d+) of ("[\s\S]*")\)$/, "（表达式 $2 第 $1 个字符处）");
}

/**
 * The Chinese wording of a ruleset issue. A syntax error keeps its caret drawing; an override's
 * blame ("overriding … breaks the ruleset at …: …") wraps the wording of what broke.
 */
export function rulesetIssueZh(code: string, message: string): string {
  const override = /^overriding (.*?) breaks the ruleset at (\S+): ([\s\S]*)$/.exec(message);
  if (override) return `改动参数 ${override[1]!.replace(/, /g, "、")} 使规则集在 ${override[2]} 处出错：${rulesetIssueZh(code, override[3]!)}`;
  const syntax = /^syntax error at character (\d+): ([^\n]*)(\n[\s\S]*)?$/.exec(message);
  if (syntax) return `语法错误（第 ${syntax[1]} 个字符）：${rulesetIssueZh("", syntax[2]!)}${syntax[3] ?? ""}`;
  // Strip the tails, translate the head, put the tails back in Chinese.
  const dym = / \(did you mean "[^"]*"\?\)/.exec(message);
  const at = / \(at character \d+ of "[\s\S]*"\)$/.exec(message);
  let head = message;
  if (at) head = head.slice(0, at.index);
  if (dym) head = head.replace(dym[0], "");
  for (const [re, zh] of WHOLE) {
    const m = re.exec(head);
    if (m) return zh(...(m as unknown as string[])) + (dym ? tail(dym[0]) : "") + (at ? tail(at[0]) : "");
  }
  const name = CODE_ZH[code];
  return name ? `${name}：${tail(message)}` : tail(message);
}
