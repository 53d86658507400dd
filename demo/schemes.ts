/** Sample cohorts (fictional) for the other bundled schemes, used by `npm run demo`. */

const std = (g: number, r: number, p: number, s: number, o: number, more: Record<string, unknown> = {}) => ({ grid: g, regional: r, professional: p, smartService: s, standardizedOperation: o, ...more });

/** Ten communities of a Qianjin-like subdistrict: more five-stars than the 15 % quota allows. */
export const qianjinCommunities = [
  { id: "q-01", name: "前进社区", facts: std(19, 18.5, 18, 19.5, 18) },
  { id: "q-02", name: "东风社区", facts: std(18, 17, 18, 19, 17.5) },
  { id: "q-03", name: "光明社区", facts: std(17, 18, 16.5, 18, 17) },
  { id: "q-04", name: "和平社区", facts: std(16, 17, 17, 16, 18) },
  { id: "q-05", name: "新华社区", facts: std(18, 16, 15.5, 20, 17) },
  { id: "q-06", name: "建设社区", facts: std(17, 16, 16, 12, 14) },
  { id: "q-07", name: "胜利社区", facts: std(16, 16.5, 13, 14, 16) },
  { id: "q-08", name: "红旗社区", facts: std(15, 16, 12, 13, 14) },
  { id: "q-09", name: "友谊社区", facts: std(12, 14, 15, 16, 10, { weakLax: true }) },
  { id: "q-10", name: "长江社区", facts: std(13, 12, 11, 14, 10) },
];

const ind = (a: number[], evaluation: number, more: Record<string, unknown>) => ({
  leader: a[0], workSystem: a[1], venue: a[2], supportMechanism: a[3], performance: a[4], massContact: a[5], evaluation, ...more,
});
/** Yantian organizations at both levels. */
export const yantianOrganizations = [
  { id: "y-01", name: "盐田街道党工委", facts: ind([92, 90, 94, 91, 93, 95], 92, { level: "committee" }) },
  { id: "y-02", name: "海山社区党委", facts: ind([90, 85, 80, 95, 88, 92], 86, { level: "subordinate", type: "community" }) },
  { id: "y-03", name: "区教育局机关党委", facts: ind([80, 78, 82, 75, 79, 70], 74, { level: "subordinate", type: "organInstitution" }) },
  { id: "y-04", name: "港口集团党委", facts: ind([85, 88, 90, 86, 91, 80], 83, { level: "subordinate", type: "soe" }) },
  { id: "y-05", name: "某物流公司党支部", facts: ind([55, 60, 50, 58, 62, 61], 57, { level: "subordinate", type: "privateEnterprise" }) },
];

const cat = (t: number, o: number, l: number, m: number, b: number, role: number, more: Record<string, unknown>) => ({ team: t, operation: o, orgLife: l, memberMgmt: m, basicSupport: b, roleScore: role, ...more });
/** Feicheng branches across domains, with a veto, a city-review rejection and a mid-year downgrade. */
export const feichengBranches = [
  { id: "f-01", name: "安临站村党支部", facts: cat(19, 18, 19, 18, 19, 95, { domain: "rural" }) },
  { id: "f-02", name: "王瓜店村党支部", facts: cat(19, 18, 19, 18, 19, 95, { domain: "rural", vetoes: ["religiousInfiltration"] }) },
  { id: "f-03", name: "仪阳村党支部", facts: cat(18, 18, 17, 18, 18, 90, { domain: "rural", cityReviewRejected: true }) },
  { id: "f-04", name: "新城社区党支部", facts: cat(19, 19, 18, 19, 19, 93, { domain: "community" }) },
  { id: "f-05", name: "石横村党支部", facts: cat(15, 14, 16, 15, 15, 72, { domain: "rural" }) },
  {
    id: "f-06", name: "孙伯村党支部", facts: cat(17, 16, 17, 16, 17, 85, { domain: "rural" }),
    events: [{ type: "downgrade", date: "2024-08-15", levels: 1, reason: "巡察发现“三会一课”台账造假" }],
  },
  { id: "f-07", name: "边院村党支部", facts: cat(11, 12, 10, 12, 11, 58, { domain: "rural", weakLax: true }) },
];

/** Liuzhou villages (创星升级) and one learning-innovation rubric. */
export const liuzhouVillages = [
  { id: "v-01", name: "三江村", facts: { organization: 95, team: 92, economy: 88, civility: 93, massReview: 90, specialWork: 91 } },
  { id: "v-02", name: "融水村", facts: { organization: 82, team: 80, economy: 75, civility: 85, massReview: 84, specialWork: 79 } },
  { id: "v-03", name: "鹿寨村", facts: { organization: 65, team: 60, economy: 58, civility: 70, massReview: 62, specialWork: 61 } },
];
export const liuzhouLearning = { id: "l-01", name: "柳北区委", facts: { projectProgress: 11, leadershipAttention: 25, studySystem: 18, taskCompletion: 14, learningEffect: 17, funding: 5 } };
