import { deepFreeze } from "./deepFreeze.js";
import { inflateSync, strFromU8 } from "fflate";
import type { RulesetSource } from "../ruleset/schema.js";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes base64 without `atob` (Apps Script and WPS JSA do not have it). */
function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, value = 0, o = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | B64.indexOf(clean[i]!);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * The bundled rulesets as the spreadsheet build carries them: their JSON, deflated and base64
 * encoded at build time (tsup.config.ts), inflated here once when the script loads. The ESM and
 * CJS builds import the JSON files as they are.
 */
export function unpackRulesets(packed: string): Readonly<Record<string, RulesetSource>> {
  const data = JSON.parse(strFromU8(inflateSync(fromBase64(packed)))) as Record<string, RulesetSource>;
  return deepFreeze(data);
}
