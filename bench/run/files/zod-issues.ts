import type { ZodError } from 'zod';

/** Every problem of a failed parse as `path: reason`, joined by `; ` (the root is `(root)`). */
export function describeZodIssues(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
