// Model file checks: recognise safetensors, GGUF and ONNX by their bytes (never by the name), refuse pickle-based
// formats, and read what a buyer wants to know from the header only, through ranged reads that never go past the
// file's size. A header that is malformed or lies about the file (offsets past the end, overlapping tensors) is
// refused. Pure: no database, no storage driver — the caller hands in a RangeReader over the bytes.

export type RangeReader = (start: number, length: number) => Promise<Uint8Array>;

export const MODEL_FORMATS = ["safetensors", "gguf", "onnx"] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];

export type ModelFileReport = {
  format: ModelFormat;
  byteSize: number;
  /** Tensors described by the header (null for ONNX, whose weights are not counted). */
  tensorCount: number | null;
  /** Sum of the tensors' element counts (null when the format's header does not say cheaply). */
  parameterCount: number | null;
  /** Distinct tensor data types, sorted (F16, BF16, Q4_K…). */
  dtypes: string[];
  /** GGUF format version, ONNX IR version. */
  formatVersion?: number;
  architecture?: string;
  name?: string;
  quantization?: string;
  contextLength?: number;
  producer?: string;
  opset?: number;
  /** safetensors `__metadata__` (string pairs, first few only). */
  metadata?: Record<string, string>;
};

export type ModelFileCheck = { ok: true; report: ModelFileReport } | { ok: false; code: ModelCheckCode; message: string };

export type ModelCheckCode = "model_file.pickle" | "model_file.unrecognised" | "model_file.malformed" | "model_file.truncated" | "model_file.header_too_large";

/** Caps that keep a hostile header from costing memory or time. */
export const INSPECT_LIMITS = {
  safetensorsHeaderBytes: 64 * 1024 * 1024,
  ggufHeaderBytes: 256 * 1024 * 1024,
  ggufKeyValues: 100_000,
  ggufTensors: 1_000_000,
  ggufStringBytes: 64 * 1024 * 1024,
  ggufArrayDepth: 4,
  tensorRank: 8,
  safetensorsTensors: 1_000_000,
  onnxTopLevelFields: 100_000,
  zipCentralDirectoryBytes: 16 * 1024 * 1024,
  metadataEntries: 20,
  metadataValueChars: 200,
} as const;

const CONVERT_HINT =
  "Convert it to safetensors (for example with the `safetensors` conversion script, `convert.py` from huggingface/safetensors, or `model.save_pretrained(..., safe_serialization=True)`) or to GGUF with llama.cpp's `convert_hf_to_gguf.py`, then upload the converted file.";

const PICKLE_MESSAGE = `This file is a Python pickle (PyTorch .ckpt/.pt/.pth/.bin). Loading a pickle runs arbitrary code on the buyer's machine, so Agora does not sell pickle-based model files. ${CONVERT_HINT}`;

/** A refusal raised while parsing; turned into `{ ok: false }` at the top. */
class Refusal extends Error {
  constructor(
    readonly code: ModelCheckCode,
    message: string,
  ) {
    super(message);
  }
}

const malformed = (what: string) => new Refusal("model_file.malformed", `The model file's header is malformed: ${what}.`);
const truncated = (what: string) => new Refusal("model_file.truncated", `The model file is shorter than its header says: ${what}.`);

/** Reads exactly [start, start + length) and never past byteSize; anything else from the reader is refused. */
async function readExact(read: RangeReader, byteSize: number, start: number, length: number): Promise<Uint8Array> {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 0 || length < 0) throw malformed("a position is out of range");
  if (start + length > byteSize) throw truncated(`it needs byte ${start + length} of ${byteSize}`);
  if (length === 0) return new Uint8Array();
  const bytes = await read(start, length);
  if (bytes.byteLength !== length) throw truncated(`reading ${length} bytes at ${start} returned ${bytes.byteLength}`);
  return bytes;
}

export async function inspectModelFile(read: RangeReader, byteSize: number): Promise<ModelFileCheck> {
  try {
    if (!Number.isSafeInteger(byteSize) || byteSize <= 0) throw new Refusal("model_file.unrecognised", "The file is empty.");
    const head = await readExact(read, byteSize, 0, Math.min(16, byteSize));
    const report = await dispatch(read, byteSize, head);
    return { ok: true, report };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code, message: error.message };
    // A reader failure (storage unreachable) is not the file's fault: let the caller report it as such.
    throw error;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

async function dispatch(read: RangeReader, byteSize: number, head: Uint8Array): Promise<ModelFileReport> {
  if (head[0] === 0x80 && head[1] >= 2 && head[1] <= 5) throw new Refusal("model_file.pickle", PICKLE_MESSAGE);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return refuseZip(read, byteSize);
  if (startsWith(head, [0x47, 0x47, 0x55, 0x46])) return inspectGguf(read, byteSize);
  if (startsWith(head, [0x67, 0x67, 0x6a, 0x74]) || startsWith(head, [0x74, 0x6a, 0x67, 0x67]) || startsWith(head, [0x6c, 0x6d, 0x67, 0x67]))
    throw new Refusal(
      "model_file.unrecognised",
      "This is a GGML file from before GGUF. Convert it to GGUF with llama.cpp (`convert_llama_ggml_to_gguf.py`) and upload the result.",
    );
  if (head.byteLength >= 9 && head[8] === 0x7b) return inspectSafetensors(read, byteSize, head);
  if (head[0] === 0x08) return inspectOnnx(read, byteSize);
  throw new Refusal(
    "model_file.unrecognised",
    `This file is not a model format Agora accepts. Upload safetensors, GGUF or ONNX (recognised by their content, not their name). ${CONVERT_HINT}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Zip archives: PyTorch's default format since 1.6 is a zip holding data.pkl — a pickle too.

async function refuseZip(read: RangeReader, byteSize: number): Promise<never> {
  const names = await zipEntryNames(read, byteSize).catch((error: unknown) => {
    if (error instanceof Refusal) return null;
    throw error;
  });
  if (names === null || names.some((name) => /(^|\/)[^/]*\.pkl$/i.test(name))) throw new Refusal("model_file.pickle", PICKLE_MESSAGE);
  throw new Refusal(
    "model_file.unrecognised",
    `This file is a zip archive, not a model file. Upload the model itself as safetensors, GGUF or ONNX. ${CONVERT_HINT}`,
  );
}

/** Names in a zip's central directory, read from the end record; the archive is never inflated. */
async function zipEntryNames(read: RangeReader, byteSize: number): Promise<string[]> {
  const tailLength = Math.min(byteSize, 22 + 0xffff);
  const tail = await readExact(read, byteSize, byteSize - tailLength, tailLength);
  let end = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      end = i;
      break;
    }
  }
  if (end < 0) throw malformed("no zip end record");
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const entries = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // Zip64 archives say 0xffffffff here; their names are not needed to refuse them (they are refused either way).
  if (size > INSPECT_LIMITS.zipCentralDirectoryBytes || offset === 0xffffffff) throw malformed("zip directory out of range");
  const dir = await readExact(read, byteSize, offset, size);
  const dirView = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < entries && at + 46 <= dir.byteLength; i++) {
    if (dirView.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = dirView.getUint16(at + 28, true);
    const extra = dirView.getUint16(at + 30, true);
    const comment = dirView.getUint16(at + 32, true);
    names.push(new TextDecoder().decode(dir.subarray(at + 46, Math.min(dir.byteLength, at + 46 + nameLength))));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// safetensors: u64 little-endian header length, a JSON header, then the tensors' bytes, contiguous, no holes.

const SAFETENSORS_DTYPE_BYTES: Record<string, number> = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E5M2: 1,
  F8_E4M3: 1,
  F8_E8M0: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  F64: 8,
  I64: 8,
  U64: 8,
};

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
}

function elementCount(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

async function inspectSafetensors(read: RangeReader, byteSize: number, head: Uint8Array): Promise<ModelFileReport> {
  const headerLength = u64(new DataView(head.buffer, head.byteOffset, head.byteLength), 0);
  if (headerLength > INSPECT_LIMITS.safetensorsHeaderBytes)
    throw new Refusal("model_file.header_too_large", `The safetensors header claims ${headerLength} bytes, more than Agora reads.`);
  if (8 + headerLength > byteSize) throw truncated(`its header claims ${headerLength} bytes`);
  const raw = await readExact(read, byteSize, 8, headerLength);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    throw malformed("the safetensors header is not valid JSON");
  }
  if (!header || typeof header !== "object" || Array.isArray(header)) throw malformed("the safetensors header is not a JSON object");

  const dataSize = byteSize - 8 - headerLength;
  const spans: { begin: number; end: number; name: string }[] = [];
  const dtypes = new Set<string>();
  let parameterCount = 0;
  let metadata: Record<string, string> | undefined;
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === "__metadata__") {
      metadata = readMetadata(value);
      continue;
    }
    if (spans.length >= INSPECT_LIMITS.safetensorsTensors) throw new Refusal("model_file.header_too_large", "The safetensors header lists too many tensors.");
    const tensor = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
    if (!tensor || typeof tensor !== "object") throw malformed(`tensor "${name}" is not an object`);
    const { dtype, shape, data_offsets: offsets } = tensor;
    if (typeof dtype !== "string" || !(dtype in SAFETENSORS_DTYPE_BYTES)) throw malformed(`tensor "${name}" has an unknown dtype`);
    if (!Array.isArray(shape) || shape.length > INSPECT_LIMITS.tensorRank || !shape.every((d) => Number.isSafeInteger(d) && d >= 0))
      throw malformed(`tensor "${name}" has an invalid shape`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) || offsets[0] > offsets[1])
      throw malformed(`tensor "${name}" has invalid data_offsets`);
    const count = elementCount(shape as number[]);
    if (!Number.isSafeInteger(count) || count * SAFETENSORS_DTYPE_BYTES[dtype] !== offsets[1] - offsets[0])
      throw malformed(`tensor "${name}" has ${offsets[1] - offsets[0]} bytes for its shape and dtype`);
    if (offsets[1] > dataSize) throw truncated(`tensor "${name}" ends at byte ${offsets[1]} of a ${dataSize}-byte data section`);
    spans.push({ begin: offsets[0], end: offsets[1], name });
    dtypes.add(dtype);
    parameterCount += count;
  }
  // The data section is exactly the tensors, in offset order, without holes or overlaps (the format's own rule).
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const span of spans) {
    if (span.begin < at) throw malformed(`tensor "${span.name}" overlaps the tensor before it`);
    if (span.begin > at) throw malformed(`there is a hole before tensor "${span.name}"`);
    at = span.end;
  }
  if (at !== dataSize) throw malformed(`the tensors cover ${at} bytes but the file holds ${dataSize} bytes of data`);
  return {
    format: "safetensors",
    byteSize,
    tensorCount: spans.length,
    parameterCount,
    dtypes: [...dtypes].sort(),
    ...(metadata ? { metadata } : {}),
  };
}

function readMetadata(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw malformed("__metadata__ is not an object");
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== "string") throw malformed("__metadata__ values must be strings");
    if (Object.keys(out).length < INSPECT_LIMITS.metadataEntries) out[key.slice(0, 80)] = v.slice(0, INSPECT_LIMITS.metadataValueChars);
  }
  return Object.keys(out).length ? out : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// GGUF (v2, v3): magic, version, tensor count, key/value count, key/values, tensor infos, aligned tensor data.

/** A forward cursor over ranged reads, in chunks, that never asks for a byte past byteSize or past the header cap. */
class Cursor {
  private buffer: Uint8Array = new Uint8Array();
  private bufferStart = 0;
  position = 0;

  constructor(
    private readonly read: RangeReader,
    private readonly byteSize: number,
    private readonly limit: number,
  ) {}

  get end(): number {
    return this.byteSize;
  }

  private async ensure(length: number): Promise<void> {
    const end = this.position + length;
    if (end > this.limit && end <= this.byteSize)
      throw new Refusal("model_file.header_too_large", `The GGUF header is larger than ${this.limit} bytes, more than Agora reads.`);
    if (end > this.byteSize) throw truncated(`the GGUF header runs past the end of the file`);
    if (this.position >= this.bufferStart && end <= this.bufferStart + this.buffer.byteLength) return;
    const chunk = Math.max(length, 1024 * 1024);
    const start = this.position;
    const take = Math.min(chunk, this.byteSize - start);
    this.buffer = await readExact(this.read, this.byteSize, start, take);
    this.bufferStart = start;
  }

  async bytes(length: number): Promise<Uint8Array> {
    await this.ensure(length);
    const from = this.position - this.bufferStart;
    this.position += length;
    return this.buffer.subarray(from, from + length);
  }

  /** Moves past `length` bytes without reading them (checked against the file and the cap). */
  skip(length: number): void {
    const end = this.position + length;
    if (!Number.isSafeInteger(end) || end > this.byteSize) throw truncated("a GGUF value runs past the end of the file");
    if (end > this.limit) throw new Refusal("model_file.header_too_large", `The GGUF header is larger than ${this.limit} bytes, more than Agora reads.`);
    this.position = end;
  }

  private async view(length: number): Promise<DataView> {
    const b = await this.bytes(length);
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  async u8() {
    return (await this.view(1)).getUint8(0);
  }
  async u32() {
    return (await this.view(4)).getUint32(0, true);
  }
  async u64() {
    return u64(await this.view(8), 0);
  }

  async string(max: number): Promise<string> {
    const length = await this.u64();
    if (length > max) throw malformed(`a string of ${length} bytes`);
    const raw = await this.bytes(length);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(raw);
    } catch {
      throw malformed("a string is not UTF-8");
    }
  }
}

const GGUF_SCALAR_BYTES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const GGUF_STRING = 8;
const GGUF_ARRAY = 9;

/** ggml tensor types: name, elements per block, bytes per block. */
const GGML_TYPES: Record<number, [string, number, number]> = {
  0: ["F32", 1, 4],
  1: ["F16", 1, 2],
  2: ["Q4_0", 32, 18],
  3: ["Q4_1", 32, 20],
  6: ["Q5_0", 32, 22],
  7: ["Q5_1", 32, 24],
  8: ["Q8_0", 32, 34],
  9: ["Q8_1", 32, 36],
  10: ["Q2_K", 256, 84],
  11: ["Q3_K", 256, 110],
  12: ["Q4_K", 256, 144],
  13: ["Q5_K", 256, 176],
  14: ["Q6_K", 256, 210],
  15: ["Q8_K", 256, 292],
  16: ["IQ2_XXS", 256, 66],
  17: ["IQ2_XS", 256, 74],
  18: ["IQ3_XXS", 256, 98],
  19: ["IQ1_S", 256, 50],
  20: ["IQ4_NL", 32, 18],
  21: ["IQ3_S", 256, 110],
  22: ["IQ2_S", 256, 82],
  23: ["IQ4_XS", 256, 136],
  24: ["I8", 1, 1],
  25: ["I16", 1, 2],
  26: ["I32", 1, 4],
  27: ["I64", 1, 8],
  28: ["F64", 1, 8],
  29: ["IQ1_M", 256, 56],
  30: ["BF16", 1, 2],
  34: ["TQ1_0", 256, 54],
  35: ["TQ2_0", 256, 66],
  39: ["MXFP4", 32, 17],
};

/** general.file_type (llama_ftype) → the quantization people name files by. */
const GGUF_FILE_TYPES: Record<number, string> = {
  0: "F32",
  1: "F16",
  2: "Q4_0",
  3: "Q4_1",
  7: "Q8_0",
  8: "Q5_0",
  9: "Q5_1",
  10: "Q2_K",
  11: "Q3_K_S",
  12: "Q3_K_M",
  13: "Q3_K_L",
  14: "Q4_K_S",
  15: "Q4_K_M",
  16: "Q5_K_S",
  17: "Q5_K_M",
  18: "Q6_K",
  19: "IQ2_XXS",
  20: "IQ2_XS",
  21: "Q2_K_S",
  22: "IQ3_XS",
  23: "IQ3_XXS",
  24: "IQ1_S",
  25: "IQ4_NL",
  26: "IQ3_S",
  27: "IQ3_M",
  28: "IQ2_S",
  29: "IQ2_M",
  30: "IQ4_XS",
  31: "IQ1_M",
  32: "BF16",
  36: "TQ1_0",
  37: "TQ2_0",
  38: "MXFP4_MOE",
};

type GgufScalar = string | number | boolean;

/** Reads one value; scalars and strings come back, arrays are walked (checked) and skipped. */
async function ggufValue(cursor: Cursor, type: number, depth: number): Promise<GgufScalar | null> {
  if (type === GGUF_STRING) return cursor.string(INSPECT_LIMITS.ggufStringBytes);
  if (type === GGUF_ARRAY) {
    if (depth >= INSPECT_LIMITS.ggufArrayDepth) throw malformed("arrays nested too deep");
    const itemType = await cursor.u32();
    const count = await cursor.u64();
    if (itemType in GGUF_SCALAR_BYTES) {
      cursor.skip(count * GGUF_SCALAR_BYTES[itemType]);
      return null;
    }
    if (itemType !== GGUF_STRING && itemType !== GGUF_ARRAY) throw malformed(`an array of unknown value type ${itemType}`);
    // Every string or array item takes at least 8 bytes: a count that cannot fit is a lie, refused before looping.
    if (!Number.isSafeInteger(count) || count * 8 > Number.MAX_SAFE_INTEGER) throw malformed("an array count out of range");
    if (cursor.position + count * 8 > cursor.end) throw truncated(`an array of ${count} items runs past the end of the file`);
    for (let i = 0; i < count; i++) {
      if (itemType === GGUF_STRING) {
        const length = await cursor.u64();
        if (length > INSPECT_LIMITS.ggufStringBytes) throw malformed(`a string of ${length} bytes`);
        cursor.skip(length);
      } else await ggufValue(cursor, GGUF_ARRAY, depth + 1);
    }
    return null;
  }
  const size = GGUF_SCALAR_BYTES[type];
  if (size === undefined) throw malformed(`unknown value type ${type}`);
  const b = await cursor.bytes(size);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  switch (type) {
    case 0:
      return v.getUint8(0);
    case 1:
      return v.getInt8(0);
    case 2:
      return v.getUint16(0, true);
    case 3:
      return v.getInt16(0, true);
    case 4:
      return v.getUint32(0, true);
    case 5:
      return v.getInt32(0, true);
    case 6:
      return v.getFloat32(0, true);
    case 7:
      if (b[0] > 1) throw malformed("a boolean that is neither 0 nor 1");
      return b[0] === 1;
    case 10:
      return u64(v, 0);
    case 11:
      return Number(v.getBigInt64(0, true));
    default:
      return v.getFloat64(0, true);
  }
}

async function inspectGguf(read: RangeReader, byteSize: number): Promise<ModelFileReport> {
  const cursor = new Cursor(read, byteSize, Math.min(byteSize, INSPECT_LIMITS.ggufHeaderBytes));
  cursor.skip(4);
  const version = await cursor.u32();
  if (version !== 2 && version !== 3) throw malformed(`GGUF version ${version} is not supported (2 and 3 are)`);
  const tensorCount = await cursor.u64();
  const kvCount = await cursor.u64();
  if (tensorCount > INSPECT_LIMITS.ggufTensors) throw new Refusal("model_file.header_too_large", `The GGUF header lists ${tensorCount} tensors.`);
  if (kvCount > INSPECT_LIMITS.ggufKeyValues) throw new Refusal("model_file.header_too_large", `The GGUF header lists ${kvCount} metadata keys.`);

  const values = new Map<string, GgufScalar>();
  for (let i = 0; i < kvCount; i++) {
    const key = await cursor.string(65_535);
    const type = await cursor.u32();
    const value = await ggufValue(cursor, type, 0);
    if (value !== null) values.set(key, value);
  }

  const alignment = values.get("general.alignment") ?? 32;
  if (typeof alignment !== "number" || !Number.isInteger(alignment) || alignment <= 0 || (alignment & (alignment - 1)) !== 0)
    throw malformed("general.alignment is not a power of two");

  const tensors: { name: string; offset: number; size: number | null }[] = [];
  const dtypes = new Set<string>();
  let parameterCount = 0;
  for (let i = 0; i < tensorCount; i++) {
    const name = await cursor.string(65_535);
    const rank = await cursor.u32();
    if (rank > INSPECT_LIMITS.tensorRank) throw malformed(`tensor "${name}" has ${rank} dimensions`);
    const dims: number[] = [];
    for (let d = 0; d < rank; d++) dims.push(await cursor.u64());
    const type = await cursor.u32();
    const offset = await cursor.u64();
    const count = elementCount(dims);
    if (!Number.isSafeInteger(count)) throw malformed(`tensor "${name}" has too many elements`);
    if (offset % alignment !== 0) throw malformed(`tensor "${name}" is not aligned`);
    const known = GGML_TYPES[type];
    let size: number | null = null;
    if (known) {
      const [, block, blockBytes] = known;
      if (count % block !== 0) throw malformed(`tensor "${name}" does not fill whole ${known[0]} blocks`);
      size = (count / block) * blockBytes;
    }
    dtypes.add(known ? known[0] : `type ${type}`);
    parameterCount += count;
    tensors.push({ name, offset, size });
  }

  const dataStart = Math.ceil(cursor.position / alignment) * alignment;
  const dataSize = byteSize - dataStart;
  if (tensorCount > 0 && dataSize < 0) throw truncated("the tensor data starts past the end of the file");
  tensors.sort((a, b) => a.offset - b.offset);
  let at = 0;
  for (const tensor of tensors) {
    if (tensor.offset < at) throw malformed(`tensor "${tensor.name}" overlaps the tensor before it`);
    const end = tensor.offset + (tensor.size ?? 0);
    if (end > dataSize || tensor.offset > dataSize) throw truncated(`tensor "${tensor.name}" ends past the end of the file`);
    at = end;
  }

  const text = (key: string) => {
    const v = values.get(key);
    return typeof v === "string" && v.trim() ? v.trim().slice(0, 200) : undefined;
  };
  const architecture = text("general.architecture");
  const fileType = values.get("general.file_type");
  const contextLength = architecture ? values.get(`${architecture}.context_length`) : undefined;
  return {
    format: "gguf",
    byteSize,
    tensorCount,
    parameterCount,
    dtypes: [...dtypes].sort(),
    formatVersion: version,
    ...(architecture ? { architecture } : {}),
    ...(text("general.name") ? { name: text("general.name") } : {}),
    ...(typeof fileType === "number" ? { quantization: GGUF_FILE_TYPES[fileType] ?? `file type ${fileType}` } : {}),
    ...(typeof contextLength === "number" && Number.isSafeInteger(contextLength) && contextLength > 0 ? { contextLength } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// ONNX: a protobuf ModelProto. Its top-level fields are walked (lengths checked, the graph skipped unread).

/** ModelProto field number → wire type (0 varint, 2 length-delimited). */
const ONNX_FIELDS: Record<number, number> = { 1: 0, 2: 2, 3: 2, 4: 2, 5: 0, 6: 2, 7: 2, 8: 2, 14: 2, 20: 2, 25: 2 };

async function varint(cursor: Cursor): Promise<number> {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const byte = await cursor.u8();
    result += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return Number.isSafeInteger(result) ? result : Number.POSITIVE_INFINITY;
    scale *= 128;
  }
  throw malformed("a protobuf varint is too long");
}

function varintIn(bytes: Uint8Array, at: number): [number, number] {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10 && at < bytes.byteLength; i++) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return [result, at];
    scale *= 128;
  }
  throw malformed("a protobuf varint is cut short");
}

async function inspectOnnx(read: RangeReader, byteSize: number): Promise<ModelFileReport> {
  const cursor = new Cursor(read, byteSize, byteSize);
  let irVersion: number | undefined;
  let producer = "";
  let producerVersion = "";
  let opset: number | undefined;
  let graph = false;
  for (let fields = 0; cursor.position < byteSize; fields++) {
    if (fields >= INSPECT_LIMITS.onnxTopLevelFields) throw new Refusal("model_file.header_too_large", "The ONNX model has too many top-level fields.");
    const tag = await varint(cursor);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (ONNX_FIELDS[field] !== wire)
      throw new Refusal("model_file.unrecognised", "This file is not a model format Agora accepts (not safetensors, GGUF or ONNX).");
    if (wire === 0) {
      const value = await varint(cursor);
      if (field === 1) irVersion = value;
      continue;
    }
    const length = await varint(cursor);
    if (field === 2 || field === 3 || (field === 8 && length <= 4096)) {
      const body = await cursor.bytes(length);
      if (field === 2) producer = new TextDecoder().decode(body).slice(0, 100);
      else if (field === 3) producerVersion = new TextDecoder().decode(body).slice(0, 40);
      else opset = Math.max(opset ?? 0, defaultDomainOpset(body) ?? 0) || opset;
    } else {
      if (field === 7) graph = true;
      cursor.skip(length);
    }
  }
  if (irVersion === undefined || irVersion < 1 || irVersion > 100 || !graph)
    throw new Refusal("model_file.unrecognised", "This file is not a model format Agora accepts (an ONNX model needs an IR version and a graph).");
  return {
    format: "onnx",
    byteSize,
    tensorCount: null,
    parameterCount: null,
    dtypes: [],
    formatVersion: irVersion,
    ...(producer ? { producer: [producer, producerVersion].filter(Boolean).join(" ") } : {}),
    ...(opset ? { opset } : {}),
  };
}

/** OperatorSetIdProto { 1: domain, 2: version }: the version when the domain is the default ("" or ai.onnx). */
function defaultDomainOpset(body: Uint8Array): number | undefined {
  let domain = "";
  let version: number | undefined;
  let at = 0;
  while (at < body.byteLength) {
    const [tag, next] = varintIn(body, at);
    at = next;
    if (tag === 0x0a) {
      const [length, start] = varintIn(body, at);
      domain = new TextDecoder().decode(body.subarray(start, start + length));
      at = start + length;
    } else if (tag === 0x10) [version, at] = varintIn(body, at);
    else return undefined;
  }
  return domain === "" || domain === "ai.onnx" ? version : undefined;
}
