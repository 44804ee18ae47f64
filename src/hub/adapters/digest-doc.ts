// The showcase digest as a Google Doc (documents scope): a title, the introduction, a heading per goal and per
// practice, and the practice's facts, in the hub account's Drive.
import { Digest, digestFacts } from '../domain/digest';

export function writeDigestDoc(d: Digest): { id: string; url: string } {
  const doc = DocumentApp.create(d.title);
  const body = doc.getBody();
  body.appendParagraph(d.title).setHeading(DocumentApp.ParagraphHeading.TITLE);
  body.appendParagraph(d.intro);
  for (const s of d.sections) {
    body.appendParagraph(s.goal).setHeading(DocumentApp.ParagraphHeading.HEADING1);
    for (const i of s.items) {
      body.appendParagraph(i.name).setHeading(DocumentApp.ParagraphHeading.HEADING2);
      if (i.description) body.appendParagraph(i.description);
      for (const l of digestFacts(i)) body.appendListItem(l);
    }
  }
  doc.saveAndClose();
  return { id: doc.getId(), url: doc.getUrl() };
}
