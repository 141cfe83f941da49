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
  caseload: ['caseload', 'caseloads', 'workload', 'workloads', 'capacity', 'too many cases', 'hold too many', 'number of children allocated', 'manageable'],
  workforce: ['workforce', 'recruitment', 'recruit', 'retention', 'retain', 'agency staff', 'agency worker', 'vacancy', 'turnover', 'permanent staff', 'stability of the workforce', 'changes of social worker', 'market supplement', 'newly qualified'],
  supervision: ['supervision', 'supervise', 'reflective', 'management oversight', 'oversight', 'managers check', 'line manager'],
  assessment: ['assessment', 'assessments', 'assess', 'analysis of risk'],
  planning: ['plan', 'plans', 'planning', 'specific', 'measurable', 'smart'],
  protection: ['child protection', 'core group', 'conference', 'section 47', 'significant harm'],
  strategy: ['strategy discussion', 'strategy meeting', 'strategy meetings', 'strategy discussions', 'police', 'partners attend'],
  frontdoor: ['front door', 'referral', 'referrals', 'contact', 'contacts', 'threshold', 'thresholds', 'multi agency safeguarding hub', 'screening', 'first referred', 'decision', 'decisions'],
  outofhours: ['out of hours', 'emergency duty', 'evening', 'weekend', 'night'],
  fostering: ['foster', 'fostering', 'foster carer', 'foster carers', 'carers', 'households', 'fostering households'],
  sufficiency: ['sufficiency', 'placement', 'placements', 'homes', 'home', 'residential', 'children home', 'local homes', 'placed', 'far from home', 'miles'],
  stability: ['stability', 'stable', 'moves', 'placement moves', 'breakdown', 'disruption'],
  permanence: ['permanence', 'permanency', 'adoption', 'special guardianship order', 'long term', 'later life letter', 'life story'],
  proceedings: ['pre proceedings', 'public law outline', 'court', 'legal', 'care proceedings', 'legal gateway', 'legal planning'],
  missing: ['missing', 'go missing', 'return home interview', 'return home interviews', 'runaway', 'absent'],
  exploitation: ['exploitation', 'child sexual exploitation', 'child criminal exploitation', 'county lines', 'gangs', 'trafficking', 'extra familial'],
  careleavers: ['care leaver', 'care leavers', 'leaving care', 'pathway plan', 'pathway plans', 'personal adviser', 'independence', 'independent living', 'staying put', 'local offer'],
  employment: ['education employment training', 'employment', 'apprenticeship', 'apprenticeships', 'work placement', 'job', 'jobs', 'training', 'course', 'neet'],
  housing: ['accommodation', 'housing', 'homeless', 'homelessness', 'tenancy', 'suitable homes', 'bed and breakfast', 'supported lodgings'],
  education: ['education', 'school', 'schools', 'virtual school', 'personal education plan', 'attainment', 'attendance', 'exclusion', 'learning'],
  health: ['health', 'health assessment', 'health assessments', 'dental', 'immunisation', 'initial health assessment', 'paediatric', 'nurse', 'clinic', 'clinics'],
  mentalhealth: ['mental health', 'emotional', 'wellbeing', 'child and adolescent mental health services', 'therapeutic', 'trauma'],
  performance: ['performance', 'data', 'dashboard', 'dashboards', 'performance information', 'management information', 'scorecard', 'indicators', 'clinic'],
  qualityassurance: ['quality assurance', 'audit', 'audits', 'moderation', 'moderated', 'learning from audit', 'practice learning', 'quality of practice'],
  leadership: ['leaders', 'senior leaders', 'leadership', 'governance', 'accountability', 'elected members', 'scrutiny', 'corporate parenting', 'improvement board'],
  earlyhelp: ['early help', 'family support', 'family hub', 'family hubs', 'below the threshold', 'step down', 'universal services', 'targeted support'],
  voice: ['voice', 'views', 'wishes', 'feelings', 'participation', 'children in care council', 'advocacy', 'independent advocate', 'pledge', 'engagement', 'involved'],
  allegations: ['allegations', 'allegation', 'local authority designated officer', 'professionals', 'designated officer', 'against staff'],
  neglect: ['neglect', 'chronic neglect', 'graded care profile', 'cumulative harm'],
  domesticabuse: ['domestic abuse', 'domestic violence', 'multi agency risk assessment conference', 'coercive'],
  disabled: ['disabled', 'disability', 'disabilities', 'special educational needs', 'short breaks', 'transition', 'adult services'],
  reviews: ['independent reviewing officer', 'review', 'reviews', 'reviewing', 'escalation', 'escalate', 'challenge', 'dispute resolution'],
  visits: ['visit', 'visits', 'visiting', 'seen alone', 'timescale', 'timescales'],
  recording: ['recording', 'records', 'recorded', 'case file', 'case records', 'chronology', 'chronologies', 'rationale'],
  privatefostering: ['private fostering', 'privately fostered'],
  unaccompanied: ['unaccompanied asylum seeking children', 'asylum', 'unaccompanied', 'trafficked', 'refugee'],
  youngcarers: ['young carer', 'young carers', 'caring responsibilities'],
  consent: ['consent', 'parental consent', 'information sharing'],
};

/** Words too common in this domain, or in English, to say anything about a match. */
export const STOP_WORDS: readonly string[] = (
  'a about above after again all also an and any are as at be because been before being below between both but by can ' +
  'could did do does doing down during each few for from further had has have having here how i if in into is it its ' +
  'itself just more most no nor not now of off on once only or other our out over own same so some such than that the ' +
  'their them then there these they this those through to too under until up very was we were what when where which ' +
  'while who whom why will with would you your within across every ensure ensuring make sure improve improving ' +
  'improvement develop developing increase better good well including include includes use using so that children child ' +
  'young people person families family service services council local authority practice work working sure them'
).split(' ');
