/** The document's styles, list numbering and page footer: house style as Word needs it. */
import { AlignmentType, Footer, LevelFormat, LevelSuffix, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import {
  BODY_SIZE,
  FONT,
  HEADING1_SIZE,
  LANGUAGE,
  HEADING2_SIZE,
  LAYOUT,
  NUMBERING,
  NUMBER_INDENT,
  TABLE_SIZE,
  TABLE_TEXT_STYLE,
} from '../theme.js';

export function footer(): { default: Footer } {
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
        }),
      ],
    }),
  };
}

export function numberingConfig() {
  const para = { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT } };
  const decimal = (level: number, text: string) => ({
    level,
    format: LevelFormat.DECIMAL,
    text,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.TAB,
    style: { paragraph: para },
  });
  return [
    // Sections "1." and their paragraphs "1.1"; recommendations "1." numbered on their own.
    { reference: NUMBERING.sections, levels: [decimal(0, '%1.'), decimal(1, '%1.%2')] },
    { reference: NUMBERING.recommendations, levels: [decimal(0, '%1.')] },
    {
      reference: NUMBERING.bullets,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2022',
          alignment: AlignmentType.LEFT,
          suffix: LevelSuffix.TAB,
          style: { paragraph: { indent: { left: NUMBER_INDENT + LAYOUT.bulletIndent, hanging: LAYOUT.bulletIndent } } },
        },
      ],
    },
  ];
}

/** Default fonts and sizes, the heading styles (with outline levels) and the table text style. */
export const STYLES = {
  default: {
    document: {
      run: { font: FONT, size: BODY_SIZE, language: { value: LANGUAGE } },
      paragraph: { spacing: { line: LAYOUT.bodyLine, lineRule: LineRuleType.AUTO } },
    },
    // Outline levels 0 and 1 (Word: levels 1 and 2): PDF export makes bookmarks and heading tags from them.
    heading1: {
      run: { font: FONT, size: HEADING1_SIZE, bold: true, color: '000000' },
      paragraph: { spacing: LAYOUT.heading1Spacing, keepNext: true, outlineLevel: 0 },
    },
    heading2: {
      run: { font: FONT, size: HEADING2_SIZE, bold: true, color: '000000' },
      paragraph: { spacing: LAYOUT.heading2Spacing, keepNext: true, outlineLevel: 1 },
    },
    listParagraph: { run: { font: FONT, size: BODY_SIZE } },
  },
  paragraphStyles: [
    {
      id: TABLE_TEXT_STYLE,
      name: 'Table Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: TABLE_SIZE },
      paragraph: { spacing: { line: LAYOUT.tableLine, lineRule: LineRuleType.AUTO } },
    },
  ],
};
