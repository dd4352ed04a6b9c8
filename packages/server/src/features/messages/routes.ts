// SCAFFOLD (issue 4, being built): replaced by the thread handlers. Not to be committed as done.
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';

const notYet = async () => {
  throw new Error('not built yet');
};

export function messageOperations(_services: AppServices): OperationHandlers {
  return {
    listCaseMessages: notYet,
    sendCaseMessage: notYet,
    markCaseMessagesRead: notYet,
    listOfficerCases: notYet,
    listOfficerMessages: notYet,
    sendOfficerMessage: notYet,
    markOfficerMessagesRead: notYet,
    listMyMessages: notYet,
    sendMyMessage: notYet,
    requestUpdate: notYet,
    markMyMessagesRead: notYet,
  };
}
