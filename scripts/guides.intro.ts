/** Hand-written introductions of the scheme guides; the rest of each guide is generated from the ruleset. */
export const intros: Record<string, { en: string; zh: string; example: { en: string; zh: string; code: string } }> = {
  "rushan/member": {
    en: "Rushan city (Shandong) rates every community party member against ten stars each year: five basic stars that a qualified member holds in principle, and five pioneer stars to strive for. Vetoes cancel one basic star at a time; members with few stars enter a year-by-year mentoring path that ends in organizational disposal if they never qualify.",
    zh: "山东乳山市每年对社区党员进行“十星级”评定：5颗基础星原则上都要达标，是合格党员的标准；5颗先锋星鼓励争创。一票否决只取消该星评定资格；星级低的党员进入逐年帮教，始终未达到合格党员标准的，进行组织处置。",
    example: {
      en: "All eight assessments true, organizational life 6, 9 of 10 satisfied: 6 is “低于6分(含)”, so 组织观念星 and 模范表率星 are lost; 8 stars, tier consolidate, not qualified.",
      zh: "八项定性评定均为是，组织生活6分，满意9票/有效10票：6分属于“低于6分(含)”，组织观念星和模范表率星不得星；共8星，档次“抓完善、抓巩固”，未达到合格党员标准。",
      code: `compile(rulesets["rushan/member"]).evaluate({ id: "m-1", facts: { ideals: true, orgAwareness: true, moralConduct: true, exemplar: true, duty: true, volunteer: true, stability: true, tackleHard: true, orgLifeScore: 6, surveySatisfied: 9, surveyValid: 10 } });
// rating { stars: 8, max: 10 }, tier "consolidate", qualified false`,
    },
  },
  "rushan/organization": {
    en: "The same Rushan scheme for community party organizations: six basic and four pioneer stars, every star veto-eligible, quantitative items scored by the subdistrict offices, and last-place elimination (末位淘汰) across a cohort.",
    zh: "乳山市社区党组织“十星级”评定：6颗基础星、4颗先锋星，每颗星都实行一票否决；街道站所对量化考核项打分，并在全体党组织中实行末位淘汰。",
    example: {
      en: "In a cohort, the organization ranked last on 违建治理 loses 社会稳定星 (unless everyone ties).",
      zh: "在全体党组织中，违建治理得分排名末位的党组织摘去社会稳定星（全体并列时无末位）。",
      code: `compile(rulesets["rushan/organization"]).evaluateCohort(organizations).adjustments;
// [{ id, from: 10, to: 9, rule: "lastPlace.illegalConstruction", tie: false, applied: true, reason }]`,
    },
  },
  "qianjin/organization": {
    en: "Qianjin subdistrict's “five-ization community” scheme scores five standards out of 20 each; a standard at 16 or more earns a star. The star count sets the title, bonus points and consequences; in principle at most 15 % five-star and 30 % four-star organizations.",
    zh: "前进街道“五化社区”星级党组织创评：五项创建标准各20分，达到16分得一颗星，按星数确定星级称号、加分和结果运用；原则上五星级占比不超过15%，四星级不超过30%。",
    example: {
      en: "Scores 18, 16, 15.5, 20, 17: four stars (15.5 < 16), total 86.5, tier fourStar, 8 bonus points.",
      zh: "五项得分18、16、15.5、20、17：四颗星（15.5不足16分），总分86.5，四星级党组织，年度考核加8分。",
      code: `compile(rulesets["qianjin/organization"]).evaluate({ id: "q", facts: { grid: 18, regional: 16, professional: 15.5, smartService: 20, standardizedOperation: 17 } });
// rating { stars: 4, max: 5 }, scores.total "86.5", tier.bonusPoints "8"`,
    },
  },
  "yantian/organization": {
    en: "Yantian district (Shenzhen) grades party-building quality: six indicators make 60 % of the total and the evaluation by party members and the public 40 %. The grade decides awards, funds and whether an organization is a candidate for weak-and-lax rectification.",
    zh: "深圳市盐田区基层党组织党建质量评定：六项分类定级指标占总分60%，党员群众评议占40%；评定等次与评先评优、党建经费和软弱涣散党组织认定挂钩。",
    example: {
      en: "Indicators 90, 85, 80, 95, 88, 92 and evaluation 86: indicators 88.33, total 87.4, grade fairlyGood (较好).",
      zh: "六项指标90、85、80、95、88、92，评议86分：指标得分88.33，总分87.4，等次“较好”。",
      code: `compile(rulesets["yantian/organization"]).evaluate({ id: "y", facts: { level: "subordinate", type: "community", leader: 90, workSystem: 85, venue: 80, supportMechanism: 95, performance: 88, massContact: 92, evaluation: 86 } });
// scores { indicators: "88.33", evaluation: "86", total: "87.4" }, rating { grade: "fairlyGood" }`,
    },
  },
  "feicheng/branch": {
    en: "Feicheng city (Tai'an, Shandong) rates party branches in eight domains from one to five stars: five categories of basic work (60 %) and the branch's role (40 %). Seven veto situations block the fifth star; rural branches' secretaries get a monthly allowance by level.",
    zh: "山东肥城市党支部评星定级：覆盖8个领域，班子建设等5大类指标与作用发挥（占40%）综合评定一至五星；出现7类情形的在五星级评定中一票否决；农村党支部书记按星级领取补贴。",
    example: {
      en: "A rural branch with categories 93 and role 95 scores 93.8 (five stars), but a religious-infiltration veto caps it at four: 400 yuan a month, 4800 a year.",
      zh: "农村党支部五大类合计93分、作用发挥95分，综合得分93.8（五星级），但出现“宗教势力渗透蔓延”一票否决，降为四星级：书记每月补贴400元，全年4800元。",
      code: `compile(rulesets["feicheng/branch"]).evaluate({ id: "f", facts: { domain: "rural", team: 19, operation: 18, orgLife: 19, memberMgmt: 18, basicSupport: 19, roleScore: 95, vetoes: ["religiousInfiltration"] } });
// rating { stars: 4, max: 5 }, tier.payments [{ id: "secretaryAllowance", amount: "400", period: "month", perYear: "4800" }]`,
    },
  },
  "liuzhou/village": {
    en: "Liuzhou's “create stars, rise a level” (创星升级) rates villages on six areas into five star levels that move up and down from year to year.",
    zh: "柳州市“创星升级”活动：按组织、队伍、经济建设、精神文明、群众评议、特色工作六大项标准评定五个星级，实行动态管理，能升能降。",
    example: {
      en: "Areas 90, 90, 90, 90, 90, 91: mean 90.17, five stars.",
      zh: "六大项90、90、90、90、90、91分：平均90.17分，五星级。",
      code: `compile(rulesets["liuzhou/village"]).evaluate({ id: "v", facts: { organization: 90, team: 90, economy: 90, civility: 90, massReview: 90, specialWork: 91 } });
// scores.total "90.17", rating { stars: 5, max: 5 }`,
    },
  },
  "liuzhou/learning": {
    en: "Liuzhou's learning-innovation project is scored on a 100-point rubric of six items (12, 28, 20, 15, 20 and 5 points).",
    zh: "柳州市《学习创新工程考核细则》百分制：六项分别为12、28、20、15、20、5分。",
    example: {
      en: "10 + 25 + 18 + 14 + 18 + 5 = 90: grade good (好).",
      zh: "10 + 25 + 18 + 14 + 18 + 5 = 90分：等次“好”。",
      code: `compile(rulesets["liuzhou/learning"]).evaluate({ id: "l", facts: { projectProgress: 10, leadershipAttention: 25, studySystem: 18, taskCompletion: 14, learningEffect: 18, funding: 5 } });
// scores.total "90", rating { grade: "good" }`,
    },
  },
};
