/**
 * The formats render writes: stages before it name a report, and render gives its file name.
 * Kept apart from the writers so that the archive step (and its XML-check thread) can tell a
 * pack's files by format without loading them.
 */
export interface ReportFormat {
  /** File name extension, with its dot. */
  readonly extension: string;
  readonly mediaType: string;
}

export const DOCX: ReportFormat = {
  extension: '.docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const PDF: ReportFormat = { extension: '.pdf', mediaType: 'application/pdf' };
