/**
 * Phrases in which a word of the field has its everyday sense: a council adopts a model or a
 * policy, and faith groups are part of the community a plan works with. Read as plain words, so
 * that the field's term ("adopted", of a child; a child's "faith") is not read into them. Phrases
 * are matched before single words, so the word keeps its field sense everywhere else ("children
 * who are adopted", "their faith and culture").
 *
 * Written from everyday English usage in council plans; no sentence is copied from any source.
 */
export const OTHER_SENSES: readonly string[] = [
  // adopting a model, a policy, a strategy
  'adopt a',
  'adopt an',
  'adopt the',
  'adopt this',
  'adopt our',
  'adopted a',
  'adopted an',
  'adopted the',
  'adopted this',
  'adopting a',
  'adopting an',
  'adopting the',
  'will be adopted',
  'formally adopted',
  'adopted across',
  'adopted by cabinet',
  'adopted by the council',
  'policy was adopted',
  'strategy was adopted',
  'framework was adopted',
  'model was adopted',
  'approach was adopted',
  'policy adopted',
  'strategy adopted',
  // faith groups in the community
  'faith groups',
  'faith group',
  'faith leaders',
  'faith communities',
  'faith community',
  'faith organisations',
  'faith settings',
  'faith setting',
  // audit as the way an action's result is measured ("tested in the monthly audit"), not
  // quality assurance as its subject
  'in monthly audit',
  'in monthly audits',
  'in the monthly audit',
  'in the monthly audit cycle',
  'in the monthly audit programme',
  'in the quarterly audit',
  // "cases closely monitored" is not a case closure
  'cases closely',
  'case closely',
  'closely cases',
];

/**
 * Names of the field that are also English words, and the words that, following one first in its
 * sentence, mark it as the name: "Prevent duty training" is the counter-radicalisation duty,
 * "Prevent drift in care planning" a verb; "Frontline staff" are front-line staff, "Frontline
 * participants" the training programme's. Elsewhere a capitalised name is the name, as written.
 */
export const NAMES_OR_WORDS: Readonly<Record<string, readonly string[]>> = {
  Prevent: [
    'duty',
    'referral',
    'referrals',
    'lead',
    'leads',
    'training',
    'panel',
    'strategy',
    'coordinator',
    'officer',
    'team',
    'and',
    'programme',
  ],
  Channel: ['panel', 'panels', 'referral', 'referrals', 'programme', 'and'],
  Frontline: [
    'programme',
    'participant',
    'participants',
    'unit',
    'units',
    'cohort',
    'cohorts',
    'fellow',
    'fellows',
    'trainee',
    'trainees',
    'student',
    'students',
  ],
  Encompass: ['notification', 'notifications', 'alert', 'alerts', 'report', 'reports', 'referral', 'referrals'],
};
