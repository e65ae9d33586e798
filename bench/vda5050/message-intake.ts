import { checkVdaMessage, schemaVersionFor, type SchemaVersion } from './schema-validator.ts';
import type { ErrorReference, IncomingTopic, InstantActionsMessage, OrderMessage, VdaError } from './vda-messages.ts';

/**
 * Reads one incoming payload: JSON, then the official schema of its own version (or `fallback`),
 * then the addressee. Returns the message, or the `validationError` the vehicle reports (with the
 * `headerId` and `topic` references the spec defines). Never throws.
 */
export function readIncoming(
  topic: IncomingTopic,
  payload: string,
  fallback: SchemaVersion,
  manufacturer: string,
  serialNumber: string,
): OrderMessage | InstantActionsMessage | VdaError {
  const invalid = (why: string, refs: ErrorReference[]): VdaError => ({
    errorType: 'validationError',
    errorLevel: 'WARNING',
    errorDescription: why,
    errorReferences: refs,
  });
  let message: unknown;
  try {
    message = JSON.parse(payload);
  } catch (error) {
    return invalid(`${topic}: not JSON (${error instanceof Error ? error.message : String(error)})`, [{ referenceKey: 'topic', referenceValue: topic }]);
  }
  if (topic === 'instantActions') message = withActionsField(message);
  const version = schemaVersionFor(message, fallback);
  const check = checkVdaMessage(topic, message, version);
  const headerId = (message as { headerId?: unknown } | null)?.headerId;
  const refs: ErrorReference[] = [{ referenceKey: 'topic', referenceValue: topic }];
  if (typeof headerId === 'number') refs.unshift({ referenceKey: 'headerId', referenceValue: String(headerId) });
  if (!check.ok) return invalid(`${topic} does not match the VDA 5050 ${version} schema: ${check.problems.join('; ')}`, refs);
  const m = message as OrderMessage | InstantActionsMessage;
  if (m.manufacturer !== manufacturer || m.serialNumber !== serialNumber)
    return invalid(`${topic} is addressed to ${m.manufacturer}/${m.serialNumber}, this vehicle is ${manufacturer}/${serialNumber}`, refs);
  return m;
}

/**
 * VDA 5050 1.x named the instant actions' list `instantActions`; 2.x names it `actions`. Clients
 * that still send the old name (vda-5050-lib 1.4 does, also for 2.0) are understood: the list is
 * moved to `actions` before the 2.x schema check, when `actions` is absent.
 */
function withActionsField(message: unknown): unknown {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return message;
  const m = message as Record<string, unknown>;
  if (m.actions !== undefined || !Array.isArray(m.instantActions)) return message;
  const { instantActions, ...rest } = m;
  return { ...rest, actions: instantActions };
}
