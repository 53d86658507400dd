/**
 * WPS 表格 JSA 宏：星级评定（xingji）
 *
 * 用法：在 WPS 表格中打开“开发工具 → WPS 宏编辑器”，新建一个模块，把 xingji 的
 * dist/xingji.global.js 整个粘贴进去（它定义全局对象 Xingji）；再新建一个模块，粘贴本文件。
 * 数据从 A1 开始：第一行是表头（事实编号或中文名称，以及“编号”列），每人（每个党组织）一行。
 * 运行“星级评定”，结果写在数据右侧，隔一列。
 */
function 星级评定() {
  var 规则集 = "rushan/member"; // 换成要用的规则集，例如 "qianjin/organization"
  var 评定日期 = "2024-12-31"; // 评定日期（yyyy-MM-dd），用于计算帮教、整改的截止日期

  var 工作表 = Application.ActiveSheet;
  var 数据 = 工作表.Range("A1").CurrentRegion; // 表头一行 + 每人一行
  var 方案 = Xingji.compile(Xingji.rulesets[规则集]);
  var 结果 = 方案.evaluateTable(数据.Value2, { asOf: 评定日期, headers: "zh" });

  // 写在数据右侧，隔一列；每行一个结果，出错的行在“错误”列说明原因，其他行照常评定。
  var 起点 = 工作表.Cells.Item(数据.Row, 数据.Column + 数据.Columns.Count + 1);
  起点.Resize(结果.length, 结果[0].length).Value2 = 结果;
}
