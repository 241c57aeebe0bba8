/**
 * Personal data detection for the profile of a table: which columns hold e-mails, phones, names,
 * addresses, postcodes, birth dates, national ids, IBANs, card numbers, IP addresses or free text
 * with any of these, with a confidence and masked examples. Pure TypeScript: runs in the data
 * worker and in Node.
 */
export type { PersonalDataKind, PersonalDataFlag, SampledColumn } from './kinds';
export { detectPersonalData, type DetectOptions } from './detect';
export { maskValue } from './mask';
export { isEmail, isPhone, isIpAddress } from './contacts';
export { isIban, isCardNumber, isFrenchNir } from './checksums';
export { isAddress, isPostcode } from './places';
export { isFirstName, isFullName, looksLikeSurname } from './names';
export { headerKind, isSurnameHeader } from './headers';
export { textContainsPii, piiInText, type TextHit } from './free-text';
export { parseDate } from './dates';
