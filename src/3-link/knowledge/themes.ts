/**
 * The themes of children's social care that findings and actions are about, each with the plain
 * words that name it. The themes follow how the work is inspected and reported: the ILACS
 * evaluation areas (help and protection, children in care, care leavers, leadership), the
 * national framework's outcomes and enablers (2023), and the topics of the children in need
 * census and the children looked after return. A text using a theme's words speaks of the
 * theme, whatever terms it uses besides; the glossary adds the field's own terms for each.
 */
import type { Theme } from './glossary.js';

export const THEME_SOURCES = [
  'Ofsted: Inspecting local authority children\u2019s services (ILACS), evaluation criteria',
  'DfE: Children\u2019s social care national framework (2023): outcomes and enablers',
  'DfE: Children in need census and children looked after (SSDA903) guides: topics collected',
] as const;

export const THEMES: Readonly<Record<Theme, { readonly about: string; readonly words: readonly string[] }>> = {
  frontdoor: {
    about: 'contacts, referrals, thresholds and the first response',
    words: ['referral', 'referrals', 'threshold', 'thresholds', 'front door', 'first response', 'screening'],
  },
  earlyhelp: {
    about: 'help before statutory social work',
    words: ['early help', 'early intervention', 'family help', 'family support', 'step down', 'stepped down'],
  },
  assessment: {
    about: 'assessment of need and risk',
    words: ['assessment', 'assessments', 'assess', 'assessed', 'analysis of risk', 'risk analysis'],
  },
  childprotection: {
    about: 'enquiries, conferences and plans to protect children',
    words: [
      'child protection',
      'protection plan',
      'protection plans',
      'strategy meeting',
      'strategy meetings',
      'strategy discussion',
      'strategy discussions',
      'significant harm',
      'conference',
      'conferences',
    ],
  },
  domesticabuse: {
    about: 'domestic abuse',
    words: ['domestic abuse', 'domestic violence', 'coercive control', 'perpetrator', 'perpetrators'],
  },
  neglect: { about: 'neglect', words: ['neglect', 'neglected', 'cumulative harm'] },
  exploitation: {
    about: 'harm outside the home',
    words: ['exploitation', 'exploited', 'extra-familial', 'extrafamilial', 'gangs', 'county lines', 'trafficking', 'radicalisation'],
  },
  missing: {
    about: 'children missing from home, care or education',
    words: [
      'missing',
      'go missing',
      'goes missing',
      'went missing',
      'missing episode',
      'missing episodes',
      'runaway',
      'run away',
      'runs away',
    ],
  },
  allegations: {
    about: 'allegations against people who work with children',
    words: ['allegation', 'allegations', 'designated officer', 'people who work with children', 'adults who work with children'],
  },
  childrenincare: {
    about: 'care planning and review for children in care',
    words: ['care plan', 'care plans', 'care planning', 'statutory review', 'statutory reviews', 'reviewing officer', 'reviewing officers'],
  },
  placements: {
    about: 'homes for children in care and their sufficiency',
    words: [
      'placement',
      'placements',
      'sufficiency',
      'children\u2019s home',
      'children\u2019s homes',
      'children home',
      'residential',
      'homes for children',
      'out of area',
      'placed at a distance',
    ],
  },
  fostering: {
    about: 'foster carers',
    words: ['foster', 'fostering', 'foster carer', 'foster carers', 'foster care', 'foster placement', 'foster homes', 'carers'],
  },
  permanence: {
    about: 'permanent homes and the plans that secure them',
    words: [
      'permanence',
      'permanency',
      'adoption',
      'adopted',
      'adopters',
      'special guardianship',
      'long-term foster',
      'life story',
      'later life',
    ],
  },
  courts: {
    about: 'legal planning and proceedings',
    words: ['proceedings', 'court', 'courts', 'legal', 'legal planning', 'public law outline', 'care order', 'care orders'],
  },
  careleavers: {
    about: 'care leavers',
    words: [
      'care leaver',
      'care leavers',
      'leaving care',
      'pathway plan',
      'pathway plans',
      'personal adviser',
      'personal advisers',
      'independent living',
      'independence',
    ],
  },
  housing: { about: 'somewhere to live', words: ['housing', 'homeless', 'homelessness', 'accommodation', 'tenancy', 'tenancies'] },
  eet: {
    about: 'education, employment and training after sixteen',
    words: ['employment', 'apprenticeship', 'apprenticeships', 'job', 'jobs', 'work experience', 'college', 'university', 'neet'],
  },
  education: {
    about: 'school and learning',
    words: ['education', 'educational', 'school', 'schools', 'attainment', 'attendance', 'exclusion', 'exclusions', 'virtual school'],
  },
  health: {
    about: 'physical health',
    words: ['health', 'health assessment', 'health assessments', 'dental', 'immunisation', 'immunisations', 'health needs', 'paediatric'],
  },
  mentalhealth: {
    about: 'emotional wellbeing and mental health',
    words: [
      'mental health',
      'emotional',
      'emotional health',
      'emotional wellbeing',
      'wellbeing',
      'therapeutic',
      'therapy',
      'trauma',
      'counselling',
    ],
  },
  disabled: {
    about: 'disabled children and transition to adulthood',
    words: [
      'disabled',
      'disability',
      'disabilities',
      'special educational needs',
      'additional needs',
      'complex needs',
      'adulthood',
      'adult services',
      'transition',
    ],
  },
  youthjustice: {
    about: 'youth justice',
    words: ['youth justice', 'youth offending', 'offending', 'reoffending', 'custody', 'criminal justice'],
  },
  unaccompanied: {
    about: 'unaccompanied children seeking asylum',
    words: ['unaccompanied', 'asylum', 'asylum seeking', 'refugee', 'refugees'],
  },
  privatefostering: { about: 'private fostering', words: ['private fostering', 'privately fostered'] },
  youngcarers: { about: 'young carers', words: ['young carer', 'young carers', 'caring responsibilities'] },
  voice: {
    about: 'children\u2019s views and participation',
    words: [
      'views',
      'voice',
      'voices',
      'wishes and feelings',
      'participation',
      'advocacy',
      'advocate',
      'advocates',
      'listened to',
      'lived experience',
    ],
  },
  identity: {
    about: 'identity, culture, ethnicity, faith and diversity',
    words: [
      'identity',
      'cultural',
      'culture and heritage',
      'ethnic',
      'ethnicity',
      'diversity',
      'diverse',
      'faith',
      'heritage',
      'equality',
      'racism',
    ],
  },
  workforce: {
    about: 'the people who do the work',
    words: [
      'workforce',
      'recruit',
      'recruited',
      'recruiting',
      'recruitment',
      'retain',
      'retention',
      'vacancies',
      'vacancy',
      'turnover',
      'agency staff',
      'newly qualified',
      'staff training',
      'learning and development',
      'career',
    ],
  },
  caseload: {
    about: 'caseloads and workload',
    words: ['caseload', 'caseloads', 'workload', 'workloads', 'too many cases', 'number of children they work with'],
  },
  supervision: {
    about: 'supervision and management oversight of casework',
    words: ['supervision', 'supervisions', 'supervised', 'management oversight', 'oversight', 'manager oversight', 'reflective'],
  },
  quality: {
    about: 'quality assurance and learning from practice',
    words: ['quality assurance', 'audit', 'audits', 'audited', 'auditing', 'quality of practice', 'learning from'],
  },
  performance: {
    about: 'performance information and data',
    words: [
      'performance',
      'performance information',
      'performance data',
      'management information',
      'dashboard',
      'dashboards',
      'scorecard',
      'dataset',
      'datasets',
    ],
  },
  leadership: {
    about: 'leaders, governance and corporate parenting',
    words: [
      'leaders',
      'leadership',
      'senior leaders',
      'senior managers',
      'governance',
      'corporate parenting',
      'elected members',
      'councillors',
      'accountability',
    ],
  },
  partnership: {
    about: 'working with partner agencies and the safeguarding partnership',
    words: [
      'partners',
      'partner agencies',
      'partnership',
      'multi-agency',
      'multiagency',
      'safeguarding board',
      'safeguarding partnership',
      'police',
      'schools and health',
    ],
  },
  outofhours: {
    about: 'out-of-hours services',
    words: ['out of hours', 'out-of-hours', 'emergency duty', 'evenings and weekends', 'overnight'],
  },
  planning: {
    about: 'the quality of plans for children',
    words: [
      'child in need plans',
      'quality of plans',
      'planning for children',
      'contingency plan',
      'contingency plans',
      'contingency planning',
    ],
  },
  recording: {
    about: 'records and case recording',
    words: [
      'recording',
      'recorded',
      'records',
      'case records',
      'case file',
      'case files',
      'electronic record',
      'case management system',
      'recording system',
    ],
  },
  inspection: {
    about: 'inspection and intervention (context only)',
    words: ['inspection', 'inspectors', 'monitoring visit', 'focused visit'],
  },
};
