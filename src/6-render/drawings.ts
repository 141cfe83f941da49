/**
 * Chart pictures in a document's XML. docx would make each drawing an object tree, hash the
 * image's bytes once per drawing and serialise the tree: a second and a half for the 4,000
 * drawings of a large pack, and it needs the image before the chart is drawn. Instead the
 * document holds a marker run where each picture goes, and the picture's XML, relationship
 * and image part are written here once the XML exists, while the charts are still drawing.
 */
import type { Chart } from '../model/chart.js';
import { escapeXml } from './normalise.js';

/** English Metric Units per pixel at 96 per inch. */
const EMU_PER_PX = 9525;
/** Marks a picture's place in text docx writes as it is (a private-use character around a number). */
const MARK = '\uE000';
const RELS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

interface Placed {
  readonly chart: Chart;
  readonly image: number;
  readonly width: number;
  readonly height: number;
}

/** The pictures of one document: each drawing's id numbered from 1 in order, each chart's image once. */
export class Drawings {
  private readonly placed: Placed[] = [];
  /** Image number by chart key, in order of first use. */
  private readonly images = new Map<string, { readonly n: number; readonly chart: Chart }>();

  /** The marker text for a picture of `chart` shown at width × height pixels; `key` names its image. */
  mark(chart: Chart, key: string, size: { width: number; height: number }): string {
    let image = this.images.get(key);
    if (!image) {
      image = { n: this.images.size + 1, chart };
      this.images.set(key, image);
    }
    this.placed.push({ chart, image: image.n, ...size });
    return `${MARK}${this.placed.length}${MARK}`;
  }

  get count(): number {
    return this.placed.length;
  }

  /** Each image's part path and the chart it shows. */
  imageParts(): Map<string, Chart> {
    return new Map([...this.images.values()].map((i) => [`word/media/chart${i.n}.png`, i.chart]));
  }

  /** document.xml with each marker run replaced by its picture. */
  placeInDocument(xml: string): string {
    let found = 0;
    const out = xml.replace(new RegExp(`<w:r><w:t xml:space="preserve">${MARK}(\\d+)${MARK}</w:t></w:r>`, 'g'), (_m, n: string) => {
      found++;
      return this.drawingXml(Number(n));
    });
    if (found !== this.placed.length)
      throw new Error(`placed ${found} of ${this.placed.length} chart pictures: the marker runs were not written as expected`);
    return out;
  }

  /** document.xml.rels with a relationship for each image. */
  addRelationships(rels: string): string {
    const end = rels.lastIndexOf('</Relationships>');
    if (end < 0) throw new Error('document.xml.rels has no </Relationships>');
    const added = [...this.images.values()]
      .map((i) => `<Relationship Id="${relId(i.n)}" Type="${RELS_TYPE}" Target="media/chart${i.n}.png"/>`)
      .join('');
    return rels.slice(0, end) + added + rels.slice(end);
  }

  private drawingXml(id: number): string {
    const p = this.placed[id - 1]!;
    const cx = Math.round(p.width * EMU_PER_PX);
    const cy = Math.round(p.height * EMU_PER_PX);
    const name = `Chart ${id}`;
    return (
      '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">' +
      `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
      `<wp:docPr id="${id}" name="${name}" descr="${escapeXml(p.chart.alt)}" title="${escapeXml(p.chart.title)}"/>` +
      '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${id}" name="${name}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${relId(p.image)}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
      '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    );
  }
}

const relId = (n: number) => `rIdChart${n}`;
