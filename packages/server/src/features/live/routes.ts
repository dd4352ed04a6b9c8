// SCAFFOLD (issue 4, being built): replaced by the live-stream and webhook handlers.
import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';

const notYet = async () => {
  throw new Error('not built yet');
};

export function liveOperations(_services: AppServices): OperationHandlers {
  return {
    streamOfficerEvents: notYet,
    streamMyEvents: notYet,
  };
}
