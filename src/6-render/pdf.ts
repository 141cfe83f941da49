/**
 * The PDF a clerk publishes: each Word report converted by LibreOffice (io/libreoffice.ts) with
 * the settings here, then made reproducible (pdf-stamp.ts).
 *
 * PDF/A-2b for archiving (fonts embedded, colour defined, no external content), tagged so that
 * headings, lists, tables and the charts' alternative text reach a screen reader, and marked
 * PDF/UA, as the public sector accessibility rules expect of a published document.
 */

const exportOptions = {
  SelectPdfVersion: { type: 'long', value: '2' },
  UseTaggedPDF: { type: 'boolean', value: 'true' },
  PDFUACompliance: { type: 'boolean', value: 'true' },
  ExportBookmarks: { type: 'boolean', value: 'true' },
  // The document's title in the reader's title bar, not its file name (WCAG 2.4.2).
  DisplayPDFDocumentTitle: { type: 'boolean', value: 'true' },
};

/** LibreOffice's --convert-to argument for the pack's PDFs. */
export const PDF_EXPORT_FILTER = `pdf:writer_pdf_Export:${JSON.stringify(exportOptions)}`;

export { stampPdf, PdfStampError } from './pdf-stamp.js';
