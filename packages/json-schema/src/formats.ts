// Format checkers for `formats: 'assert'`. Each follows the RFC the JSON Schema spec names for
// the format, as small parsers rather than one giant regex, so failures are easy to reason about.

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** RFC 3339 full-date. */
function date(text: string): boolean {
  const m = DATE.exec(text);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month - 1]!);
}

const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[zZ]|([+-])(\d{2}):(\d{2}))$/;

/** RFC 3339 full-time, offset required; second 60 only at 23:59:60 UTC (a leap second). */
function time(text: string): boolean {
  const m = TIME.exec(text);
  if (m === null) return false;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3]);
  const offsetHour = m[5] === undefined ? 0 : Number(m[5]);
  const offsetMinute = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59) return false;
  if (second < 60) return true;
  const sign = m[4] === '-' ? -1 : 1;
  const utcMinutes =
    (((hour * 60 + minute - sign * (offsetHour * 60 + offsetMinute)) % 1440) + 1440) % 1440;
  return utcMinutes === 23 * 60 + 59;
}

/** RFC 3339 date-time. */
function dateTime(text: string): boolean {
  const separator = text.charAt(10);
  if (separator !== 'T' && separator !== 't') return false;
  return date(text.slice(0, 10)) && time(text.slice(11));
}

const LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

/**
 * RFC 1123 host name: dot-separated labels of 1-63 letters, digits and inner hyphens. IDNA
 * A-label (punycode) rules are not checked.
 */
function hostname(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  for (const label of text.split('.')) if (!LABEL.test(label)) return false;
  return true;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function ipv4(text: string): boolean {
  return IPV4.test(text);
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** RFC 4291 text form, including `::` compression and a trailing dotted IPv4 part. */
function ipv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const all = [...groups(halves[0]!), ...(halves.length === 2 ? groups(halves[1]!) : [])];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const group = all[i]!;
    if (i === all.length - 1 && group.includes('.')) {
      if (!ipv4(group)) return false;
      count += 2;
    } else if (HEX_GROUP.test(group)) {
      count++;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

const ATOM = /^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const QUOTED = /^"(?:[^"\\\r\n]|\\.)*"$/;

/** RFC 5321 mailbox: dot-atom or quoted local part; host name or address literal domain. */
function email(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at <= 0) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (!ATOM.test(local) && !QUOTED.test(local)) return false;
  if (domain.startsWith('[') && domain.endsWith(']')) {
    const literal = domain.slice(1, -1);
    return /^ipv6:/i.test(literal) ? ipv6(literal.slice(5)) : ipv4(literal);
  }
  return hostname(domain);
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function uuid(text: string): boolean {
  return UUID.test(text);
}

function regex(text: string): boolean {
  try {
    new RegExp(text, 'u');
    return true;
  } catch {
    return false;
  }
}

const POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/;

/** RFC 6901 JSON pointer. */
function jsonPointer(text: string): boolean {
  return POINTER.test(text);
}

// RFC 3986 character classes
const PCT = '%[0-9a-fA-F]{2}';
const SUB_DELIMS = "!$&'()*+,;=";
const UNRESERVED = 'a-zA-Z0-9\\-._~';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*$/;
const USERINFO = new RegExp(`^(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*$`);
const REG_NAME = new RegExp(`^(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*$`);
const PATH = new RegExp(`^(?:${PCHAR}|/)*$`);
const QUERY = new RegExp(`^(?:${PCHAR}|[/?])*$`);
const PORT = /^\d*$/;
const IP_FUTURE = new RegExp(`^[vV][0-9a-fA-F]+\\.[${UNRESERVED}${SUB_DELIMS}:]+$`);
const PARTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

function authority(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at !== -1 && !USERINFO.test(text.slice(0, at))) return false;
  const hostPort = text.slice(at + 1);
  let host = hostPort;
  let port = '';
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) return false;
    const literal = hostPort.slice(1, close);
    if (!ipv6(literal) && !IP_FUTURE.test(literal)) return false;
    const rest = hostPort.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return false;
    port = rest.slice(1);
    host = '';
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon !== -1) {
      host = hostPort.slice(0, colon);
      port = hostPort.slice(colon + 1);
    }
  }
  return REG_NAME.test(host) && PORT.test(port);
}

/** RFC 3986 URI-reference; `absolute` requires a scheme (the `uri` format). */
function uriReference(text: string, absolute: boolean): boolean {
  const m = PARTS.exec(text);
  if (m === null) return false;
  const [, scheme, auth, path = '', query, fragment] = m;
  if (scheme === undefined) {
    // A relative reference's first segment may not contain ':' (it would read as a scheme)
    if (absolute) return false;
  } else if (!SCHEME.test(scheme)) {
    return false;
  }
  if (auth !== undefined && !authority(auth)) return false;
  if (!PATH.test(path)) return false;
  if (auth === undefined && path.startsWith('//')) return false;
  if (query !== undefined && !QUERY.test(query)) return false;
  return fragment === undefined || QUERY.test(fragment);
}

/** Format checkers by format name; unknown formats are not asserted. */
export const FORMATS: ReadonlyMap<string, (text: string) => boolean> = new Map([
  ['date-time', dateTime],
  ['date', date],
  ['time', time],
  ['email', email],
  ['hostname', hostname],
  ['ipv4', ipv4],
  ['ipv6', ipv6],
  ['uri', (text: string) => uriReference(text, true)],
  ['uri-reference', (text: string) => uriReference(text, false)],
  ['uuid', uuid],
  ['regex', regex],
  ['json-pointer', jsonPointer],
]);
