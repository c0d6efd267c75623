import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const BLOCK = /-----BEGIN CERTIFICATE-----[^-]*-----END CERTIFICATE-----/g;

/**
 * The certificates of UMEET_CA_FILE (one or several PEM blocks; text around them, such as the
 * comments of a CA bundle, is ignored), each checked here, so a bad file is one clear line before
 * anything is sent rather than a TLS error later. `problem` names the file and what is wrong with it.
 */
export function readCaFile(path: string): { ok: true; pems: string[] } | { ok: false; problem: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problem: `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` };
  }
  const pems = text.match(BLOCK) ?? [];
  if (!pems.length) return { ok: false, problem: `no PEM certificate (-----BEGIN CERTIFICATE-----) in ${path}` };
  for (const [index, pem] of pems.entries()) {
    try {
      new X509Certificate(pem);
    } catch {
      return { ok: false, problem: `certificate ${index + 1} in ${path} cannot be read` };
    }
  }
  return { ok: true, pems: pems.map((pem) => `${pem}\n`) };
}
