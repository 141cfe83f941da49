/**
 * Council business that sits in a children's services plan without answering any inspection
 * finding: the central and support services of a council (finance, ICT, human resources,
 * communications, property, democratic business). An action written in these terms most likely
 * answers nothing, unless a finding speaks of the same thing (a case recording system, the
 * workforce), which the matcher sees because findings are read with the same table.
 *
 * The groups follow the support services and the corporate and democratic core of CIPFA's Service
 * Reporting Code of Practice (SeRCOP), the classification every English council reports its
 * spending by; the terms are the everyday names councils use for them.
 */

/**
 * Services another inspection looks at: special educational needs (the area SEND inspection by
 * Ofsted and the CQC), youth justice (HM Inspectorate of Probation), the NHS's own business, and
 * the council's running of school admissions and places.
 * Of the 4,658 findings the importer reads from the 497 published reports of the Ofsted corpus,
 * one names an EHC plan and none the statutory SEND process, a youth justice plan, NHS
 * efficiency programmes or school admissions: a children's services plan carries such actions,
 * but they answer another inspection.
 */
export type ElsewhereArea = 'send' | 'youthjustice' | 'nhs' | 'schools';

export type BusinessArea = 'finance' | 'ict' | 'hr' | 'comms' | 'estates' | 'democratic' | 'governanceadmin' | ElsewhereArea;

export interface BusinessTerm {
  readonly term: string;
  readonly area: BusinessArea;
}

export const BUSINESS_SOURCE = {
  title: 'CIPFA Service Reporting Code of Practice (SeRCOP): support services, and the corporate and democratic core',
  url: 'https://www.cipfa.org/policy-and-guidance/publications/s/service-reporting-code-of-practice-for-local-authorities',
} as const;

const group = (area: BusinessArea, terms: string): BusinessTerm[] =>
  terms
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((term) => ({ term, area }));

export const BUSINESS: readonly BusinessTerm[] = [
  ...group(
    'finance',
    'budget; budgets; budgeting; overspend; underspend; savings; saving target; efficiency savings; medium term financial strategy; MTFS; ' +
      'medium term financial plan; MTFP; revenue budget; capital programme; capital budget; capital funding; capital receipts; reserves; ' +
      'forecast; forecast variance; outturn; budget monitoring; finance business partner; financial management; cost reduction; ' +
      'value for money; procurement; procure; re-procure; re-procurement; tendering exercise; contract management; invoice; invoices; ' +
      'purchase order; purchase orders; spend control; spending controls; council tax; business rates; grant claim; grant funding return; ' +
      'statement of accounts; external auditor; treasury; income generation; fees and charges; recharges; cost centre; cost centres; ' +
      'commissioning spend; unit costs; financial year; budget setting; pay award; pension; pensions; ' +
      'dedicated schools grant; DSG; high needs block; schools forum; cost per pupil',
  ),
  ...group(
    'ict',
    'laptop; laptops; desktop; desktops; mobile phones; smartphones; devices; device refresh; hardware; servers; server; network upgrade; wifi; wi-fi; ' +
      'broadband; cyber security; cyber; MFA; multi factor authentication; two factor authentication; password; passwords; phishing; ' +
      'Microsoft 365; Office 365; M365; SharePoint; Teams telephony; telephony; telephone system; phone system; intranet; website; web pages; ' +
      'digital platform; ICT; IT service desk; service desk; helpdesk; software licences; licences; data centre; cloud migration; hosting; ' +
      'email migration; printers; printing',
  ),
  ...group(
    'hr',
    // Staff sickness: none of the 4,658 findings of the Ofsted corpus asks about it. Not "absence
    // rate" alone: a school's absence rate is a pupil's.
    'sickness absence; sickness absence rate; sickness absences; staff sickness; sickness rate; absence management; ' +
      'return to work interview; return to work interviews; return-to-work interviews; return to work meetings; RTW; RTW interviews; attendance management; occupational health; staff survey; employee survey; pay policy; ' +
      'job evaluation; pay grades; payroll; appraisal scheme; appraisals; performance development review; HR policies; HR policy; ' +
      'flexible working policy; hybrid working; wellbeing offer for staff; employee assistance programme; mandatory e-learning; ' +
      'GDPR e-learning; data protection training; equality networks; staff networks; long service awards; staff awards; induction portal; ' +
      'lease cars; car allowance; expenses policy; timesheets; annual leave; equality and diversity policy; workforce equality profile',
  ),
  ...group(
    'comms',
    'newsletter; newsletters; press release; press releases; press office; media protocol; media enquiries; press lines; communications plan; ' +
      'communications strategy; social media; branding; brand; logo; rebrand; website content; campaign branding; public relations; ' +
      'internal communications; staff bulletin; all staff briefing; annual report design; translation service; interpreting contract; ' +
      'customer services; customer contacts; resident contacts; contact centre; self-service',
  ),
  ...group(
    'estates',
    'office; offices; office move; office accommodation; accommodation strategy for staff; civic centre; town hall; office building; ' +
      'office closure; office closures; building closure; refurbishment; refurbish; refit; repairs; maintenance; roof; heating; lighting; car park; car parking; parking; desks; desk booking; ' +
      'hot desking; relocation; relocate; lease; leases; premises; facilities management; health and safety inspection; fire risk assessment; ' +
      'asbestos; energy costs; school places expansion; school buildings; home to school transport; fleet; pool cars; ' +
      'route optimisation; home to school transport routes',
  ),
  ...group(
    'democratic',
    'cabinet; cabinet member; portfolio holder briefing; full council; council meeting; committee cycle; constitution; scheme of delegation; ' +
      'member training; elections; ward councillors; freedom of information; FOI; ' +
      'corporate complaints; ombudsman; members enquiries; councillor enquiries',
  ),
  ...group(
    'governanceadmin',
    'risk register; corporate risk register; internal audit plan; business continuity; business continuity plan; emergency planning; ' +
      'information governance; records retention schedule; data protection impact assessment; DPIA; GDPR; insurance; ' +
      'retention and disposal; records retention; retention schedule; data retention; retention period; ' +
      'subject access request; SAR; SARs; DSAR; ' +
      'data protection e-learning; data protection and cyber security e-learning; information security; information security incident; ' +
      "information security incidents; data breach; data breaches; Information Commissioner; Information Commissioner's Office; " +
      'management of police information; MoPI; ' +
      'service plan template; directorate plan; business support restructure; restructure of business support',
  ),
  // Glossary terms of these services carry `business:` (glossary.ts); these are their processes.
  ...group(
    'send',
    'high needs funding; transfer of statements; transfers of statements; ' +
      'SEND improvement plan; written statement of action; WSoA; educational psychology service; SEND casework',
  ),
  ...group('youthjustice', 'youth justice plan; youth justice strategic plan'),
  ...group(
    'schools',
    // The admissions round itself, not "school admissions" alone: a child in care's priority for a
    // school place is corporate parenting.
    'admissions round; admissions portal; school preferences; preferred schools; national offer day; in-year admissions; ' +
      'admissions appeals',
  ),
  ...group('nhs', 'QIPP; medicines management; outpatient; outpatients; elective care; referral to treatment'),
];
