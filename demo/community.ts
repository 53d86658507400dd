import type { RushanMemberFacts, RushanOrganizationFacts } from "../src/index.js";

/**
 * A sample Rushan community (fictional): 32 party members and 4 party organizations, with a few
 * vetoes, and members at every stage of the mentoring path. Facts are written compactly:
 * `assess` is the eight qualitative assessments in the order below, "1" for true.
 */
const MEMBER_ASSESSMENTS = ["ideals", "orgAwareness", "moralConduct", "exemplar", "duty", "volunteer", "stability", "tackleHard"] as const;

type Row = [id: string, name: string, assess: string, orgLife: number | string, satisfied: number, valid: number, vetoes?: RushanMemberFacts["vetoes"]];

function memberFacts(assess: string, orgLife: number | string, satisfied: number, valid: number, vetoes: RushanMemberFacts["vetoes"] = []): RushanMemberFacts {
  const flags = Object.fromEntries(MEMBER_ASSESSMENTS.map((k, i) => [k, assess[i] === "1"])) as Record<(typeof MEMBER_ASSESSMENTS)[number], boolean>;
  return { ...flags, orgLifeScore: orgLife, surveySatisfied: satisfied, surveyValid: valid, vetoes };
}

const rows: Row[] = [
  ["m-001", "王建国", "11111111", 9.5, 40, 42],
  ["m-002", "李秀英", "11111111", 9, 38, 42],
  ["m-003", "张伟", "11111111", 8.5, 36, 42],
  ["m-004", "刘芳", "11111111", 8, 35, 42],
  ["m-005", "陈明", "11111110", 8, 36, 42],
  ["m-006", "杨丽", "11111101", 7.5, 30, 42],
  ["m-007", "赵强", "11111011", 7, 34, 42, ["ideals"]],
  ["m-008", "黄静", "11110111", 8, 29, 42],
  ["m-009", "周杰", "11111100", 7, 33, 42],
  ["m-010", "吴敏", "11111001", "6.5", 27, 42],
  ["m-011", "徐磊", "11110011", 6, 30, 42],
  ["m-012", "孙燕", "11111000", 7, 26, 42],
  ["m-013", "马超", "11110001", 8, 34, 42, ["clutterNotCleared"]],
  ["m-014", "朱红", "11110000", 7, 25, 42],
  ["m-015", "胡斌", "11110100", 6.5, 26, 42],
  ["m-016", "郭霞", "11101000", 5.5, 26, 42],
  ["m-017", "何平", "11110000", 6, 27, 42],
  ["m-018", "高峰", "10110000", 7, 27, 42],
  ["m-019", "林丹", "11011000", 8, 24, 42],
  ["m-020", "罗刚", "10100000", 5, 26, 42],
  ["m-021", "郑洁", "10110000", 6, 20, 42],
  ["m-022", "梁勇", "10000100", 4, 22, 42],
  ["m-023", "谢琳", "01010000", 5, 30, 42],
  ["m-024", "宋涛", "10000000", 3, 15, 42],
  ["m-025", "唐娜", "00000000", 2, 10, 42],
  ["m-026", "许东", "11111111", 9, 41, 42],
  ["m-027", "韩梅", "11111111", 8.5, 39, 42, ["massRecognition"]],
  ["m-028", "冯军", "11111010", 9, 37, 42],
  ["m-029", "曹颖", "11110000", 7, 34, 42],
  ["m-030", "彭辉", "11111111", 6, 35, 42],
  // Two years into mentoring (see history below): branch mentoring in 2022, centre in 2023.
  ["m-031", "蒋立", "10100000", 6, 20, 42],
  // Mentored by the branch in 2023, qualified now.
  ["m-032", "袁晓", "11111000", 7, 30, 42],
];

/** Members of the sample community, with the facts of the evaluation year. */
export const members = rows.map(([id, name, assess, orgLife, sat, valid, vetoes]) => ({ id, name, facts: memberFacts(assess, orgLife, sat, valid, vetoes) }));

/** Earlier years' facts for the members with a mentoring history, oldest first. */
export const memberHistory: Record<string, { asOf: string; facts: ReturnType<typeof memberFacts> }[]> = {
  "m-031": [
    { asOf: "2022-12-31", facts: memberFacts("10100100", 5, 20, 40) }, // 3 stars → branch mentoring
    { asOf: "2023-12-31", facts: memberFacts("10110100", 6, 22, 41) }, // 4 stars, not qualified → centre
  ],
  "m-032": [{ asOf: "2023-12-31", facts: memberFacts("10100010", 5, 20, 40) }], // 3 stars → branch mentoring
  "m-005": [{ asOf: "2023-12-31", facts: memberFacts("11111111", 7, 38, 40) }],
};

/** The community's party organizations. */
export const organizations: { id: string; name: string; facts: RushanOrganizationFacts }[] = [
  {
    id: "o-fuyuan", name: "府苑社区党总支",
    facts: { teamBuilding: true, ranksManagement: true, coBuilding: true, workMechanism: true, positionSupport: true, gridGovernance: true, servePeople: true, socialStability: true, tackleHard: true, partyServiceBrand: 92, sanitation: 85, illegalConstruction: 88, surveySatisfied: 38, surveyValid: 42 },
  },
  {
    id: "o-huanghai", name: "黄海社区党委",
    facts: { teamBuilding: true, ranksManagement: true, coBuilding: true, workMechanism: true, positionSupport: true, gridGovernance: true, servePeople: true, socialStability: true, tackleHard: false, partyServiceBrand: 75, sanitation: "58.5", illegalConstruction: 70, surveySatisfied: 30, surveyValid: 42 },
  },
  {
    id: "o-shengli", name: "胜利社区党支部",
    facts: { teamBuilding: true, ranksManagement: true, coBuilding: false, workMechanism: true, positionSupport: true, gridGovernance: true, servePeople: true, socialStability: true, tackleHard: true, partyServiceBrand: 66, sanitation: 72, illegalConstruction: 64, surveySatisfied: 29, surveyValid: 42, vetoes: ["socialStability"] },
  },
  {
    id: "o-chengnan", name: "城南社区党支部",
    facts: { teamBuilding: true, ranksManagement: false, coBuilding: true, workMechanism: false, positionSupport: true, gridGovernance: false, servePeople: false, socialStability: true, tackleHard: false, partyServiceBrand: 55, sanitation: 61, illegalConstruction: 62, surveySatisfied: 25, surveyValid: 42 },
  },
];
