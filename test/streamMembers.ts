/** Generated Rushan members for stream tests: member i's facts follow from i (see the tests for the worked cases). */
export async function* generate(n: number) {
  for (let i = 0; i < n; i++) {
    yield {
      id: `m-${i}`,
      facts: {
        ideals: i % 2 === 0, orgAwareness: true, moralConduct: i % 3 !== 0, exemplar: true, duty: i % 5 !== 0, volunteer: true, stability: i % 7 !== 0, tackleHard: true,
        orgLifeScore: (i % 1001) / 100, surveyValid: 20, surveySatisfied: i % 21,
      },
    };
  }
}
