/** The XML check made on another thread answers as checkPackXml does on this one. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkPackXml } from '../../src/7-archive/xml-check.js';
import { XmlCheckThread } from '../../src/7-archive/xml-check-thread.js';

const report = (xml: string) => ({
  name: 'r.docx',
  bytes: zipSync({ 'word/document.xml': strToU8(xml), 'word/media/x.png': new Uint8Array([1, 2]) }),
});

describe('the XML check on its own thread', () => {
  it('finds what checkPackXml finds, report by report, and leaves the bytes as they were', async () => {
    const bad = report('<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:t>a\u0001b</w:t></w:document>');
    const good = report('<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:t>a &amp; b</w:t></w:document>');
    const before = bad.bytes.slice();
    const thread = new XmlCheckThread();
    try {
      const [b, g] = await Promise.all([thread.check(bad), thread.check(good)]);
      expect(b).toEqual(checkPackXml([bad]));
      expect(b).toHaveLength(1);
      expect(g).toEqual([]);
      expect(bad.bytes).toEqual(before);
    } finally {
      await thread.close();
    }
  });
});
