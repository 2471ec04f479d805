// Decodes Stripe's form bodies (`application/x-www-form-urlencoded` with qs
// style brackets) into nested objects and arrays, the way Stripe's API does:
//   line_items[0][price_data][currency]=usd  -> { line_items: [{ price_data: { currency: 'usd' } }] }
//   metadata[booking_id]=b1                   -> { metadata: { booking_id: 'b1' } }
//   expand[]=payment_intent                   -> { expand: ['payment_intent'] }
// Values stay strings (the wire has no types); the endpoint coerces the fields it knows.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export class FormDecodeError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

/** Keys that would reach Object.prototype if used as property names. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/y;
  let pos = open;
  let match: RegExpExecArray | null;
  re.lastIndex = pos;
  while ((match = re.exec(key)) !== null) {
    parts.push(match[1] ?? "");
    pos = re.lastIndex;
  }
  // Anything left over ("a[b]c") is malformed; keep the whole key literal like qs does.
  return pos === key.length ? parts : [key];
}

type Container = FormValue[] | { [key: string]: FormValue };

function isContainer(value: FormValue | undefined): value is Container {
  return typeof value === "object";
}

function assign(root: FormObject, fullKey: string, value: string): void {
  const parts = splitKey(fullKey);
  for (const p of parts) {
    if (FORBIDDEN_KEYS.has(p)) throw new FormDecodeError(`Invalid parameter name: ${fullKey}`, fullKey);
  }
  let node: Container = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    const last = i === parts.length - 1;
    const nextPart = parts[i + 1];
    const makeChild = (): Container => (nextPart === "" || /^\d+$/.test(nextPart ?? "") ? [] : {});
    if (Array.isArray(node)) {
      const index: number = part === "" ? node.length : Number(part);
      if (!Number.isInteger(index)) {
        throw new FormDecodeError(`Invalid array index in parameter ${fullKey}`, fullKey);
      }
      if (last) {
        node[index] = value;
        return;
      }
      const existing: FormValue | undefined = node[index];
      if (existing !== undefined && !isContainer(existing)) {
        throw new FormDecodeError(`Parameter ${fullKey} conflicts with a scalar value`, fullKey);
      }
      const child: Container = existing ?? makeChild();
      node[index] = child;
      node = child;
    } else {
      if (last) {
        if (isContainer(node[part])) {
          throw new FormDecodeError(`Parameter ${fullKey} conflicts with a nested value`, fullKey);
        }
        node[part] = value;
        return;
      }
      const existing: FormValue | undefined = node[part];
      if (existing !== undefined && !isContainer(existing)) {
        throw new FormDecodeError(`Parameter ${fullKey} conflicts with a scalar value`, fullKey);
      }
      const child: Container = existing ?? makeChild();
      node[part] = child;
      node = child;
    }
  }
}

/** qs compacts sparse arrays (a[0], a[5] -> two items); so does Stripe. */
function compact(value: FormValue): FormValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  const out: FormObject = {};
  for (const [k, v] of Object.entries(value)) out[k] = compact(v);
  return out;
}

export function decodeStripeForm(body: string): FormObject {
  const root: FormObject = {};
  // URLSearchParams decodes '+' as space and %XX escapes, as form encoding requires.
  for (const [key, value] of new URLSearchParams(body)) {
    if (key === "") continue;
    assign(root, key, value);
  }
  return compact(root) as FormObject;
}

/** Key-order-independent serialisation, to compare the params of two requests. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
