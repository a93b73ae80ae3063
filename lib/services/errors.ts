// Refusals a service makes on purpose. They abort the action's transaction (nothing is written) and reach
// the user through the router's message; their names keep them apart from storage errors.

export class NotFoundError extends Error {
  override readonly name = 'NotFound';
}

export class ConflictError extends Error {
  override readonly name = 'Conflict';
}

export function notFound(what: string, id: string): NotFoundError {
  return new NotFoundError(`${what} ${id.slice(0, 100)} is not in Rapport (it may have been deleted).`);
}
