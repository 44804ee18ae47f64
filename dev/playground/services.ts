// Services the simulator keeps outside its core that the playground registers so the newsletter can run:
// DocumentApp (dev/sim/documents.ts) and the advanced Gmail service (dev/sim/gmail.ts).
import { type ServiceFactory, documentService, gmailService } from '../sim';

export function extraServices(): Record<string, ServiceFactory> {
  return { DocumentApp: documentService, Gmail: gmailService };
}
