// The content pack: the built-in decks, cards and practice problems, parsed and validated once at build time by the
// very loaders that read user decks (scripts/build.mjs writes it to dist/content.pack on every build), so the extension
// reads one file instead of parsing ~130 Markdown and YAML files. vscode-free.
//
// The file (serializeContentPack): a version line, then one brotli stream of the sections' JSON; each section is
// parsed only when it is first asked for (the decks by the tree, the cards by a quiz, the problems by the Problems view).
//
// Values go through a codec so that what comes out is deep-equal to what went in: undefined (also as an object
// key's value), ±Infinity, NaN, -0, Date, Map and Set survive; and every absolute path under the build's root is
// stored relative to it and rebased on the folder the pack is read from (the extension's install folder).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

/** Where the pack is, relative to the extension's folder. */
export const CONTENT_PACK_FILE = path.join('dist', 'content.pack');

/** Bumped whenever the shape of a section or the codec changes: a pack of another version is not read. */
export const CONTENT_PACK_VERSION = 2;

const MAGIC = 'MLIP-CONTENT-PACK';

/** The sections a pack holds: `decks` (deckLoader), `cards` (quiz/core/quizItems), `problems` (problems/core/problemLoader). */
export type ContentPackSection = 'decks' | 'cards' | 'problems';

interface PackHeader {
  sections: Partial<Record<ContentPackSection, [offset: number, length: number]>>;
}

const brotliCompress = promisify(zlib.brotliCompress);
const brotliDecompress = promisify(zlib.brotliDecompress);
/** Larger than any pack's payload (about 2 MB today); a bigger one still decompresses, in more pieces. */
const DECOMPRESS_CHUNK_BYTES = 8 * 1024 * 1024;

// ---- codec ----------------------------------------------------------------------------------------------------------

/** Marks a string that stands for something else; a real string starting with it is escaped by doubling it. */
const TAG = '\u0000';
const UNDEFINED = `${TAG}u`;
const PATH = `${TAG}p`;
const NUMBERS: Record<string, number> = { [`${TAG}Infinity`]: Infinity, [`${TAG}-Infinity`]: -Infinity, [`${TAG}NaN`]: NaN, [`${TAG}-0`]: -0 };
/** The key of an object that stands for a Date, Map, Set or an object that itself has this key. */
const BOX = TAG;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `value` as JSON-safe data; paths under `root` become relative. Throws on what it cannot keep (functions, class instances). */
export function encodePackValue(value: unknown, root: string): Json {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const encode = (item: unknown, where: string): Json => {
    switch (typeof item) {
      case 'undefined':
        return UNDEFINED;
      case 'boolean':
        return item;
      case 'number':
        if (Number.isFinite(item) && !Object.is(item, -0)) return item;
        return `${TAG}${Object.is(item, -0) ? '-0' : String(item)}`;
      case 'string':
        if (item === root) return PATH;
        if (item.startsWith(prefix)) return PATH + item.slice(prefix.length).split(path.sep).join('/');
        return item.startsWith(TAG) ? TAG + item : item;
      case 'object': {
        if (item === null) return null;
        if (Array.isArray(item)) {
          const out: Json[] = [];
          for (let i = 0; i < item.length; i++) out.push(encode(item[i], `${where}[${i}]`));
          return out;
        }
        if (item instanceof Date) return { [BOX]: 'Date', v: item.getTime() };
        if (item instanceof Map) return { [BOX]: 'Map', v: [...item].map(([k, v], i) => [encode(k, `${where}<key ${i}>`), encode(v, `${where}<${i}>`)]) };
        if (item instanceof Set) return { [BOX]: 'Set', v: [...item].map((v, i) => encode(v, `${where}<${i}>`)) };
        const proto: unknown = Object.getPrototypeOf(item);
        if (proto !== Object.prototype && proto !== null) throw new Error(`the content pack cannot hold ${where}: a ${item.constructor.name}`);
        const out: { [key: string]: Json } = {};
        for (const key of Object.keys(item)) out[key] = encode((item as Record<string, unknown>)[key], `${where}.${key}`);
        if (proto === null) return { [BOX]: 'null', v: out };
        return Object.hasOwn(out, BOX) ? { [BOX]: 'Object', v: out } : out;
      }
      default:
        throw new Error(`the content pack cannot hold ${where}: a ${typeof item}`);
    }
  };
  return encode(value, 'the value');
}

/**
 * The value `encodePackValue` encoded, with relative paths rebased on `root`. Decodes `data` in place (it is what
 * JSON.parse just made, so nothing else holds it): copying the whole pack would double its allocation.
 */
export function decodePackValue(data: Json, root: string): unknown {
  const decodeString = (item: string): unknown => {
    if (item === UNDEFINED) return undefined;
    if (item.startsWith(PATH)) return item.length === PATH.length ? root : path.join(root, item.slice(PATH.length));
    if (item.startsWith(TAG + TAG)) return item.slice(1);
    if (Object.hasOwn(NUMBERS, item)) return NUMBERS[item];
    throw new Error(`unknown tag in the content pack: ${JSON.stringify(item)}`);
  };
  const decode = (item: Json): unknown => {
    if (typeof item === 'string') return item.length > 0 && item.charCodeAt(0) === 0 ? decodeString(item) : item;
    if (typeof item !== 'object' || item === null) return item;
    const slots = item as unknown as Record<string | number, unknown>;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const value = item[i];
        if (typeof value === 'object' ? value !== null : typeof value === 'string' && value.length > 0 && value.charCodeAt(0) === 0) slots[i] = decode(value);
      }
      return item;
    }
    return Object.hasOwn(item, BOX) ? unbox(item) : decodeFields(item);
  };
  /** An object's own fields, in place (whatever its keys). */
  const decodeFields = (item: { [key: string]: Json }): Record<string, unknown> => {
    const slots = item as Record<string, unknown>;
    for (const key in item) {
      const value = item[key];
      if (typeof value === 'object' ? value !== null : typeof value === 'string' && value.length > 0 && value.charCodeAt(0) === 0) slots[key] = decode(value);
    }
    return slots;
  };
  const unbox = (item: { [key: string]: Json }): unknown => {
    const boxed = item.v;
    switch (item[BOX]) {
      case 'Date':
        return new Date(boxed as number);
      case 'Map':
        return new Map((boxed as [Json, Json][]).map(([k, v]) => [decode(k), decode(v)]));
      case 'Set':
        return new Set((boxed as Json[]).map(decode));
      case 'Object':
        return decodeFields(boxed as { [key: string]: Json });
      case 'null':
        return Object.assign(Object.create(null) as Record<string, unknown>, decodeFields(boxed as { [key: string]: Json }));
      default:
        throw new Error(`unknown box in the content pack: ${JSON.stringify(item[BOX])}`);
    }
  };
  return decode(data);
}

// ---- the file -------------------------------------------------------------------------------------------------------

/**
 * The pack's bytes: a first line `MLIP-CONTENT-PACK <version>`, then one brotli stream (quality 11) of a JSON header
 * line naming each section's byte range, followed by the sections' JSON. One stream for all: the cards and the
 * problems share much of the topics' vocabulary, which separate streams would pay for again (about 7 % more).
 */
export async function serializeContentPack(sections: Partial<Record<ContentPackSection, unknown>>, root: string): Promise<Buffer> {
  const header: PackHeader = { sections: {} };
  const bodies: Buffer[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(sections) as [ContentPackSection, unknown][]) {
    const json = Buffer.from(JSON.stringify(encodePackValue(value, root)), 'utf8');
    header.sections[name] = [offset, json.length];
    bodies.push(json);
    offset += json.length;
  }
  const payload = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), ...bodies]);
  // In the thread pool: the build bundles meanwhile.
  const compressed = await brotliCompress(payload, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: payload.length,
    },
  });
  return Buffer.concat([Buffer.from(`${MAGIC} ${CONTENT_PACK_VERSION}\n`, 'utf8'), compressed]);
}

interface OpenedPack {
  mtimeMs: number;
  size: number;
  header: PackHeader;
  /** The decompressed sections, after the header line. */
  body: Buffer;
}

/**
 * The last pack opened, per file, while its size and time stay the same: the decks, the cards and the problems are
 * each read when first needed (the tree, a quiz, the Problems view), and decompress once between them.
 */
const opened = new Map<string, Promise<OpenedPack | undefined>>();

async function openPack(file: string): Promise<OpenedPack | undefined> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) return undefined;
  const cached = await opened.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  const reading = (async (): Promise<OpenedPack | undefined> => {
    const bytes = await fs.readFile(file);
    const magicEnd = bytes.indexOf(0x0a);
    if (magicEnd < 0 || bytes.toString('utf8', 0, magicEnd) !== `${MAGIC} ${CONTENT_PACK_VERSION}`) return undefined;
    // In the thread pool, in one piece: the default 16 KiB chunks would take about 120 round trips to it.
    const payload = await brotliDecompress(bytes.subarray(magicEnd + 1), { chunkSize: DECOMPRESS_CHUNK_BYTES });
    const headerEnd = payload.indexOf(0x0a);
    const header = JSON.parse(payload.toString('utf8', 0, headerEnd)) as PackHeader;
    return { mtimeMs: stat.mtimeMs, size: stat.size, header, body: payload.subarray(headerEnd + 1) };
  })().catch(() => undefined);
  opened.set(file, reading);
  return reading;
}

/**
 * One section of the pack at `<root>/dist/content.pack`, decoded with its paths rebased on `root`; undefined when the
 * pack is missing (a development checkout before its first build), unreadable or damaged, of another version, or
 * without the section. The callers then parse the sources instead, so a missing pack never breaks anything. Every call
 * returns new objects, as parsing the sources would.
 */
export async function readContentPackSection(root: string, section: ContentPackSection, file = path.join(root, CONTENT_PACK_FILE)): Promise<unknown> {
  const pack = await openPack(file);
  const range = pack?.header.sections[section];
  if (!pack || !range) return undefined;
  try {
    return decodePackValue(JSON.parse(pack.body.toString('utf8', range[0], range[0] + range[1])) as Json, root);
  } catch {
    return undefined;
  }
}
