/**
 * The closed catalogue of diagnostic codes. Codes are permanent: deprecate, never rename,
 * because users search for them and scripts filter on them.
 */
export const CODES = {
  // files and configuration
  'file-not-found': { severity: 'error', title: 'An input file does not exist' },
  'file-unreadable': { severity: 'error', title: 'An input file could not be read' },
  'file-too-large': { severity: 'error', title: 'An input file is larger than boardpack reads' },
  'file-encoding': { severity: 'error', title: 'A text input is not UTF-8' },
  'text-forbidden-character': { severity: 'warning', title: 'Text holds a character a Word document cannot hold; it is removed' },
  'yaml-syntax': { severity: 'error', title: 'YAML syntax error' },
  'yaml-warning': { severity: 'warning', title: 'YAML parser warning' },
  'yaml-too-complex': { severity: 'error', title: 'A YAML file nests too deep or its aliases expand too far' },
  'schema-invalid-type': { severity: 'error', title: 'A value has the wrong type' },
  'schema-missing-field': { severity: 'error', title: 'A required field is missing' },
  'schema-unknown-field': { severity: 'error', title: 'A field is not part of the format' },
  'schema-invalid-value': { severity: 'error', title: 'A value is not one of those allowed' },
  'schema-invalid-date': { severity: 'error', title: 'A date is malformed or impossible' },
  'schema-invalid': { severity: 'error', title: 'A value does not satisfy the format' },
  'config-period-invalid': { severity: 'error', title: 'The period is not a YYYY-MM month' },
  'report-duplicate-id': { severity: 'error', title: 'Two reports share an id' },
  // plan and findings
  'action-duplicate-id': { severity: 'error', title: 'Two actions share an id' },
  'priority-duplicate-id': { severity: 'error', title: 'Two priorities share an id' },
  'action-unknown-finding': { severity: 'error', title: 'An action answers a finding that no register holds' },
  'action-unknown-indicator': { severity: 'error', title: 'An action measures an indicator the catalogue lacks' },
  'action-unlinked': { severity: 'warning', title: 'An action answers no finding' },
  'action-matched': { severity: 'warning', title: 'An action without answers: was matched to a finding, to be confirmed' },
  'action-status-overdue': { severity: 'warning', title: 'An action past its due date says it is on track or not started' },
  'action-possible': { severity: 'warning', title: 'An action without answers: may answer a finding; a person must confirm which' },
  'action-due-before-period': { severity: 'warning', title: 'An action is overdue' },
  'finding-duplicate-id': { severity: 'error', title: 'Two findings share an id' },
  'finding-unanswered': { severity: 'warning', title: 'No action answers a finding' },
  'register-duplicate-source': { severity: 'error', title: 'Two registers share a source id' },
  // performance workbook
  'workbook-not-xlsx': { severity: 'error', title: 'The performance export is not an .xlsx workbook' },
  'workbook-sheet-missing': { severity: 'error', title: 'The configured sheet is not in the workbook' },
  'workbook-header-missing': { severity: 'error', title: 'The header row holds no month columns' },
  'workbook-month-unreadable': { severity: 'warning', title: 'A header cell is not a month' },
  'workbook-period-missing': { severity: 'error', title: 'The workbook has no column for the pack period' },
  'workbook-duplicate-indicator': { severity: 'error', title: 'An indicator has two rows' },
  'indicator-not-in-catalogue': { severity: 'warning', title: 'A sheet row is not in the indicator catalogue' },
  'indicator-missing-row': { severity: 'warning', title: 'A catalogue indicator has no row in the sheet' },
  'indicator-no-value': { severity: 'warning', title: 'A cell holds no usable value' },
  'indicator-value-unreadable': { severity: 'error', title: 'A cell holds text that is not a number' },
  'indicator-duplicate-id': { severity: 'error', title: 'Two catalogue indicators share an id' },
  'catalogue-column-missing': { severity: 'error', title: 'The catalogue sheet lacks a column it needs' },
  'catalogue-heading-unknown': { severity: 'warning', title: 'A catalogue sheet heading is not one boardpack reads' },
  'catalogue-value-invalid': { severity: 'error', title: 'A catalogue sheet cell cannot be read' },
  // templates
  'template-missing': { severity: 'error', title: 'A report template file is missing' },
  'template-syntax': { severity: 'error', title: 'A template does not parse' },
  'template-unknown-helper': { severity: 'error', title: 'A template uses a helper that does not exist' },
  'template-missing-variable': { severity: 'error', title: 'A template uses a variable that does not exist' },
  'template-empty-heading': { severity: 'error', title: 'A template heading is empty' },
  // findings import
  'import-unreadable': { severity: 'error', title: 'The publication to import cannot be read' },
  'import-no-findings': { severity: 'warning', title: 'No list of findings was found in the publication' },
  'import-register-exists': { severity: 'error', title: 'The register to write already exists' },
  'import-date-guessed': { severity: 'warning', title: 'The publication date was taken from the text' },
  'import-review': { severity: 'warning', title: 'Imported findings need a person to confirm them' },
  // archive
  'pack-exists': { severity: 'error', title: 'A different pack for this period is already archived' },
  'pack-invalid-xml': { severity: 'error', title: 'A report built is not well-formed XML, so it was not archived' },
  'pack-unchanged': { severity: 'warning', title: 'The pack is already archived with identical files' },
} as const satisfies Record<string, { severity: 'error' | 'warning'; title: string }>;

export type Code = keyof typeof CODES;
