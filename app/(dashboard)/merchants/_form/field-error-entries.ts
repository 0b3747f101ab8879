/**
 * The field errors as the server reported them. getFormErrors() also files every nested error
 * under its root (`credentials.privateKey` under `credentials`); those copies are left out here so
 * each problem is listed once.
 */
export function fieldErrorEntries(fields: Record<string, string>): [path: string, message: string][] {
  const paths = Object.keys(fields);
  return Object.entries(fields).filter(([path]) => !paths.some((other) => other.startsWith(`${path}.`)));
}
