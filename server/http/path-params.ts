import { isSerialNo, type SerialKind } from '@/server/core/serial-numbers';
import { AppError } from '@/server/errors/app-error';
import { hasControlCharacter, refuseControlCharacters } from './control-characters';

/** Path parameters that are serial numbers, and the 404 a malformed one answers: nothing by that number exists. */
const SERIAL_PARAMS = new Map<string, { kind: SerialKind; message?: string }>([
  ['serialNo', { kind: 'P', message: 'No such payment.' }],
  ['refundSerialNo', { kind: 'R' }],
  ['splitSerialNo', { kind: 'S' }],
]);

/**
 * Refuses an app API route's path parameters before any lookup: a control character is a 400
 * naming the parameter, a serial number of the wrong shape a 404, whatever the route does next.
 */
export function checkPathParams(params: Record<string, string | string[]>): void {
  for (const [name, value] of Object.entries(params)) {
    if ([value].flat().some(hasControlCharacter)) refuseControlCharacters([name]);
    const serial = SERIAL_PARAMS.get(name);
    if (serial && (typeof value !== 'string' || !isSerialNo(value, serial.kind))) throw new AppError('NOT_FOUND', serial.message);
  }
}
