/**
 * Children's services knowledge for the matcher, as data: acronyms with their expansions, and
 * concept groups of words that name the same thing in different ways. Extend these tables to
 * teach the matcher; the code that uses them does not change.
 */

/** Acronym → its expansion. Both forms count as the same words when texts are compared. */
export const ACRONYMS: Readonly<Record<string, string>> = {
  asye: 'assessed and supported year in employment',
  camhs: 'child and adolescent mental health services',
  cce: 'child criminal exploitation',
  cin: 'child in need',
  cla: 'children looked after',
  lac: 'looked after children',
  cp: 'child protection',
  cpp: 'child protection plan',
  cse: 'child sexual exploitation',
  dcs: 'director of children services',
  dols: 'deprivation of liberty',
  edt: 'emergency duty team',
  eds: 'emergency duty service',
  eet: 'education employment training',
  neet: 'not in education employment training',
  ehcp: 'education health and care plan',
  iha: 'initial health assessment',
  icpc: 'initial child protection conference',
  iro: 'independent reviewing officer',
  lado: 'local authority designated officer',
  lscb: 'local safeguarding children board',
  mash: 'multi agency safeguarding hub',
  marac: 'multi agency risk assessment conference',
  nqsw: 'newly qualified social worker',
  pep: 'personal education plan',
  plo: 'public law outline',
  qa: 'quality assurance',
  rhi: 'return home interview',
  sdq: 'strengths and difficulties questionnaire',
  send: 'special educational needs and disabilities',
  sgo: 'special guardianship order',
  sw: 'social worker',
  uasc: 'unaccompanied asylum seeking children',
  yot: 'youth offending team',
  da: 'domestic abuse',
  dv: 'domestic violence',
  ia: 'independent advocate',
};

/**
 * Concept groups: each is a theme inspectors and planners write about in different words. A
 * text that uses any of a group's terms (single words, or phrases in quotes of several words)
 * is taken to speak of that theme. Terms are matched after stemming.
 */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  frontdoor: ['front door', 'referral', 'referrals', 'refer', 'referred', 're-referral', 'threshold', 'thresholds', 'multi agency safeguarding hub', 'screen every contact', 'contacts', 'first referred', 'working day', 'duty and assessment'],
  caseload: ['caseload', 'caseloads', 'workload', 'workloads', 'too many cases', 'hold too many', 'cases per worker', 'cap', 'capacity'],
  workforce: ['workforce', 'recruitment of social workers', 'recruit', 'recruiting', 'retention', 'retain', 'agency staff', 'agency social workers', 'agency worker', 'vacancy', 'vacancies', 'vacancy rate', 'turnover', 'permanent posts', 'market supplement', 'retention payment', 'retention bonus', 'hard to fill', 'newly qualified', 'cohort', 'stability of the workforce'],
  changeofworker: ['changes of social worker', 'change of social worker', 'same worker', 'same social worker', 'one person', 'trusting relationship', 'trusting relationships', 'allocated practitioner', 'consistent worker'],
  supervision: ['supervision', 'supervise', 'reflective', 'reflect on', 'line manager', 'protected time', 'management oversight', 'oversight'],
  assessment: ['assessment', 'assessments', 'analyse risk', 'analysis of risk', 'what must change'],
  coregroup: ['core group', 'core groups', 'child protection plan', 'child protection plans', 'conference', 'conference chairs', 'review conference'],
  strategy: ['strategy discussion', 'strategy discussions', 'strategy meeting', 'strategy meetings', 'section 47', 'named nurse', 'police and health'],
  outofhours: ['out of hours', 'emergency duty team', 'emergency duty service', 'overnight', 'daytime', 'day teams', 'handover'],
  fostering: ['foster', 'fostering', 'foster carer', 'foster carers', 'fostering households', 'sibling groups', 'in house foster'],
  sufficiency: ['sufficiency', 'children homes', 'local homes', 'homes for children', 'placements', 'placement', 'far away', 'miles from home', 'out of area'],
  permanence: ['permanence', 'permanency', 'adoption', 'adopted', 'special guardianship', 'special guardianship order', 'forever family', 'later life letter', 'later life letters', 'life story', 'long term'],
  proceedings: ['pre proceedings', 'public law outline', 'legal gateway', 'letters before proceedings', 'care proceedings', 'court', 'legal team', 'legal planning'],
  missing: ['missing', 'go missing', 'return home interview', 'return home interviews', 'runaway', 'runaways', 'missing episodes', 'after each episode'],
  exploitation: ['exploitation', 'child sexual exploitation', 'child criminal exploitation', 'county lines', 'grooming', 'gangs', 'trafficking', 'extra familial'],
  careleavers: ['care leaver', 'care leavers', 'leaving care', 'leaving our care', 'pathway plan', 'pathway plans', 'personal adviser', 'young adults', 'staying put', 'local offer'],
  housing: ['accommodation', 'housing', 'homeless', 'homelessness', 'tenancy', 'flats', 'landlords', 'supported lodgings', 'nowhere to stay', 'somewhere to live', 'housing department'],
  employment: ['education employment training', 'education employment or training', 'education employment and training', 'not in education employment or training', 'not in education employment training', 'employment', 'apprenticeship', 'apprenticeships', 'work placement', 'work placements', 'job', 'jobs', 'course', 'college', 'neet'],
  education: ['personal education plan', 'personal education plans', 'virtual school', 'virtual school head', 'attainment', 'school place', 'enrol', 'schooling', 'access education', 'education'],
  health: ['initial health assessment', 'initial health assessments', 'health assessment', 'health assessments', 'paediatric', 'paediatrician', 'clinics', 'health trust', 'newly looked after', 'coming into care', 'entering care'],
  mentalhealth: ['mental health', 'emotional', 'child and adolescent mental health services', 'therapist', 'therapy', 'therapeutic', 'trauma', 'trauma informed', 'wellbeing', 'strengths and difficulties questionnaire'],
  performance: ['performance information', 'performance', 'dashboard', 'dashboards', 'scorecard', 'indicators', 'management information', 'performance clinic'],
  qualityassurance: ['quality assurance', 'quality assurance framework', 'audit', 'audits', 'moderated', 'moderation', 'case files each month', 'learning from audit'],
  leadership: ['senior leaders', 'leaders', 'leadership', 'governance', 'heads of service'],
  earlyhelp: ['early help', 'family hubs', 'family hub', 'stepped down', 'step down', 'below the threshold', 'family support'],
  voice: ['wishes and feelings', 'views', 'voice', 'advocate', 'advocacy', 'what they think', 'participation', 'children in care council'],
  allegations: ['allegations', 'allegation', 'local authority designated officer', 'designated officer', 'concerns about teachers', 'adults who work with children', 'people who work with children'],
  neglect: ['neglect', 'cumulative harm', 'basic needs', 'graded care profile'],
  reviewing: ['independent reviewing officer', 'independent reviewing officers', 'reviewing officers', 'reviewing officer', 'drift', 'escalate', 'escalation', 'dispute resolution', 'independent chairs', 'plan stalls'],
  privatefostering: ['private fostering', 'privately fostered', 'not their parents', 'overseas students'],
  unaccompanied: ['unaccompanied asylum seeking children', 'unaccompanied', 'asylum', 'refugee', 'refugees', 'arriving alone', 'age assessment', 'age assessments'],
  disabled: ['disabled', 'disability', 'disabilities', 'special educational needs and disabilities', 'transition', 'adulthood', 'preparing for adulthood', 'adult services'],
  rationale: ['rationale', 'why the case', 'close a case', 'closure', 'closed', 'case closure'],
  domesticabuse: ['domestic abuse', 'domestic violence', 'violence in the home', 'multi agency risk assessment conference', 'coercive control'],
  visits: ['visit', 'visits', 'statutory visit', 'seen alone', 'on their own', 'spend time with each child'],
  youngcarers: ['young carer', 'young carers', 'caring responsibilities'],
  // Council business that no inspection finding is about: an action in these terms most
  // likely answers nothing, and the terms keep its words from meeting a finding by chance.
  finance: ['budget', 'revenue', 'capital', 'accounts', 'statement of accounts', 'external audit', 'finance team', 'savings', 'procurement', 'contract', 'contracts', 'invoice'],
  estates: ['offices', 'office', 'civic', 'office building', 'car parking', 'parking', 'desks', 'relocate', 'directorate'],
  ict: ['laptops', 'laptop', 'devices', 'telephone system', 'phones', 'website', 'branding', 'logo', 'software', 'intranet', 'it system'],
  corporate: ['celebration', 'event', 'awards', 'long serving', 'translation', 'interpreting', 'communications', 'newsletter', 'customer contact centre', 'scrutiny committee', 'quarter'],
};

/** Words too common in this domain, or in English, to say anything about a match. */
export const STOP_WORDS: readonly string[] = (
  'a about above after again all also an and any are as at be because been before being below between both but by can ' +
  'could did do does doing down during each few for from further had has have having here how i if in into is it its ' +
  'itself just more most no nor not now of off on once only or other our out over own same so some such than that the ' +
  'their them then there these they this those through to too under until up very was we were what when where which ' +
  'while who whom why will with would you your within across every ensure ensuring make sure improve improving ' +
  'improvement develop developing increase better good well including include includes use using so that children child ' +
  'young people person families family service services council local authority practice work working sure them ' +
  'every each month monthly week weekly day daily year new set agree hold run give offer introduce require make ' +
  'time within per cent two three twenty key'
).split(' ');
