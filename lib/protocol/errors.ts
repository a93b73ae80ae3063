import type { z } from 'zod/mini';

/** "snapshot.name: Too big: expected string to have <=500 characters" — names the field that was wrong. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
