/**
 * A registry export (`.reg`, "Windows Registry Editor Version 5.00"), as `reg.exe export` and regedit write it: UTF-16LE
 * with a byte-order mark, so every value keeps its Unicode text whatever the console's code page (CP936 on Chinese
 * Windows garbles `reg query`'s piped output). Read by main/policy/reg-export-port.ts; the sample in policy/windows/
 * is checked against Wine's own regedit and reg.exe (test/unit/policy-registry.test.ts).
 */

/** The value types the policy uses, as `reg query` names them; others are kept as their bytes. */
export type RegistryType = 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_MULTI_SZ' | 'REG_DWORD' | 'REG_QWORD' | 'REG_BINARY' | 'REG_NONE';

/** One value: text for REG_SZ/REG_EXPAND_SZ, a list for REG_MULTI_SZ, a number for DWORD/QWORD, else the bytes. */
export interface RegistryValue {
  name: string;
  type: RegistryType;
  value: string | string[] | number | Uint8Array;
}

export const REG_HEADER = 'Windows Registry Editor Version 5.00';

const HIVES: Record<string, string> = {
  HKEY_LOCAL_MACHINE: 'HKLM',
  HKLM: 'HKLM',
  HKEY_CURRENT_USER: 'HKCU',
  HKCU: 'HKCU',
  HKEY_USERS: 'HKU',
  HKEY_CLASSES_ROOT: 'HKCR',
  HKEY_CURRENT_CONFIG: 'HKCC',
};

/** A key's name as the map returned by parseRegFile knows it: `HKLM\software\policies\…` (keys are case-insensitive). */
export function keyId(path: string): string {
  const [hive = '', ...rest] = path.replace(/^\\+/, '').split('\\');
  return [HIVES[hive.toUpperCase()] ?? hive.toUpperCase(), ...rest.filter(Boolean)].join('\\').toLowerCase();
}

/** The file's text: UTF-16LE after its byte-order mark (what reg.exe writes), or UTF-8 with or without one. */
export function decodeRegFile(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  const text = buffer.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const TYPE_CODES: Record<string, RegistryType> = {
  0: 'REG_NONE',
  1: 'REG_SZ',
  2: 'REG_EXPAND_SZ',
  3: 'REG_BINARY',
  4: 'REG_DWORD',
  7: 'REG_MULTI_SZ',
  b: 'REG_QWORD',
};

function unquote(text: string, from: number): { value: string; end: number } | undefined {
  let value = '';
  for (let index = from + 1; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') return { value, end: index + 1 };
    if (char === '\\' && index + 1 < text.length) {
      const next = text[++index]!;
      value += next === 'n' ? '\n' : next === 'r' ? '\r' : next === '0' ? '\0' : next;
    } else value += char;
  }
  return undefined;
}

function bytesOf(hex: string): Uint8Array | undefined {
  const parts = hex
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (!parts.every((part) => /^[0-9a-fA-F]{1,2}$/.test(part))) return undefined;
  return Uint8Array.from(parts.map((part) => Number.parseInt(part, 16)));
}

const utf16 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength - (bytes.byteLength % 2)).toString('utf16le');

function typed(type: RegistryType, bytes: Uint8Array): RegistryValue['value'] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return utf16(bytes).replace(/\0.*$/s, '');
    case 'REG_MULTI_SZ':
      return utf16(bytes)
        .split('\0')
        .filter((entry) => entry !== '');
    case 'REG_DWORD':
      return bytes.byteLength >= 4 ? view.getUint32(0, true) : 0;
    case 'REG_QWORD':
      return bytes.byteLength >= 8 ? Number(view.getBigUint64(0, true)) : 0;
    default:
      return bytes;
  }
}

/** One `name=data` line's data, or undefined for a deletion (`-`) or data this reader does not know. */
function valueOf(data: string): Pick<RegistryValue, 'type' | 'value'> | undefined {
  if (data.startsWith('"')) {
    const text = unquote(data, 0);
    return text && data.slice(text.end).trim() === '' ? { type: 'REG_SZ', value: text.value } : undefined;
  }
  const dword = /^dword:([0-9a-fA-F]{1,8})$/.exec(data);
  if (dword) return { type: 'REG_DWORD', value: Number.parseInt(dword[1]!, 16) };
  const hex = /^hex(?:\(([0-9a-fA-F]+)\))?:(.*)$/s.exec(data);
  if (!hex) return undefined;
  const bytes = bytesOf(hex[2]!);
  if (!bytes) return undefined;
  const type = hex[1] === undefined ? 'REG_BINARY' : (TYPE_CODES[hex[1].toLowerCase()] ?? 'REG_BINARY');
  return { type, value: typed(type, bytes) };
}

/**
 * The keys of a `.reg` text, each with its values (in file order; a later line for the same name wins). `[-key]`
 * deletions and `"name"=-` are left out: an export never holds them. A line this reader cannot read is skipped, as
 * regedit skips it, and named in `skipped` so the caller can say so.
 */
export function parseRegFile(text: string): { keys: Map<string, RegistryValue[]>; skipped: string[] } {
  const keys = new Map<string, RegistryValue[]>();
  const skipped: string[] = [];
  let current: RegistryValue[] | undefined;
  // Hex data goes on over lines ending in a backslash, the next indented.
  const lines = text.replace(/\\\r?\n[ \t]*/g, '').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line === REG_HEADER) continue;
    if (line.startsWith('[')) {
      const name = /^\[([^\]]+)\]$/.exec(line)?.[1];
      if (!name || name.startsWith('-')) {
        current = undefined;
        continue;
      }
      const id = keyId(name);
      current = keys.get(id) ?? [];
      keys.set(id, current);
      continue;
    }
    if (!current) {
      skipped.push(line.slice(0, 80));
      continue;
    }
    let name: string;
    let rest: string;
    if (line.startsWith('@=')) {
      name = '';
      rest = line.slice(2);
    } else {
      const quoted = line.startsWith('"') ? unquote(line, 0) : undefined;
      if (!quoted || line[quoted.end] !== '=') {
        skipped.push(line.slice(0, 80));
        continue;
      }
      name = quoted.value;
      rest = line.slice(quoted.end + 1);
    }
    if (rest.trim() === '-') continue;
    const value = valueOf(rest.trim());
    if (!value) {
      skipped.push(line.slice(0, 80));
      continue;
    }
    const at = current.findIndex((item) => item.name.toLowerCase() === name.toLowerCase());
    if (at >= 0) current.splice(at, 1);
    current.push({ name, ...value });
  }
  return { keys, skipped };
}
