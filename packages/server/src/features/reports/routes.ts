import type { OperationHandlers } from '../../http/operations.js';
import type { AppServices } from '../../services.js';

// SCAFFOLD (issue 7, in progress): replaced by the usage report and admin tokens.
export function reportOperations(_services: AppServices): OperationHandlers {
  const notYet = async () => {
    throw new Error('not implemented yet');
  };
  return { mintAdminToken: notYet, getUsageReport: notYet };
}
