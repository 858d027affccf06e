// Small generated model files for tests: valid safetensors and GGUF buffers, pickles and a PyTorch-style zip.
import { deflateRawSync } from "node:zlib";
import type { RangeReader } from "../model-inspect";

const DTYPE_BYTES: Record<string, number> = { F32: 4, F16: 2, BF16: 2, I64: 8, U8: 1 };

export type SafetensorsTensor = { name: string; dtype: string; shape: number[] };

/** A valid safetensors file: tensors packed in order, optional __metadata__. */
export function safetensorsFile(tensors: SafetensorsTensor[], metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let at = 0;
  for (const t of tensors) {
    const size = t.shape.reduce((a, b) => a * b, 1) * DTYPE_BYTES[t.dtype];
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [at, at + size] };
    at += size;
  }
  return safetensorsWithHeader(header, at);
}

/** A safetensors file with any header object and `dataBytes` bytes after it (to build lying headers). */
export function safetensorsWithHeader(header: unknown, dataBytes: number): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.byteLength + dataBytes);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.byteLength), true);
  out.set(json, 8);
  for (let i = 8 + json.byteLength; i < out.byteLength; i++) out[i] = i & 0xff;
  return out;
}

type GgufValue =
  | { type: "u32"; value: number }
  | { type: "string"; value: string }
  | { type: "f32"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string[]"; value: readonly string[] }
  | { type: "i32[]"; value: readonly number[] }
  | { type: "u64"; value: number };

export type GgufTensor = { name: string; dims: number[]; type: number };

/** Byte sizes of the ggml types the tests use: F32, F16, Q4_0 (32-element blocks of 18 bytes), Q8_0. */
const GGML_SIZE: Record<number, (n: number) => number> = { 0: (n) => n * 4, 1: (n) => n * 2, 2: (n) => (n / 32) * 18, 8: (n) => (n / 32) * 34 };

class Writer {
  parts: number[] = [];
  u8(v: number) {
    this.parts.push(v & 0xff);
  }
  u32(v: number) {
    for (let i = 0; i < 4; i++) this.parts.push((v >>> (8 * i)) & 0xff);
  }
  u64(v: number | bigint) {
    let b = BigInt(v);
    for (let i = 0; i < 8; i++) {
      this.parts.push(Number(b & 0xffn));
      b >>= 8n;
    }
  }
  string(s: string) {
    const bytes = new TextEncoder().encode(s);
    this.u64(bytes.byteLength);
    this.parts.push(...bytes);
  }
  f32(v: number) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.parts.push(...b);
  }
}

/** A valid GGUF v3 file with the given metadata and tensors (aligned to 32, data filled with a pattern). */
export function ggufFile(metadata: Record<string, GgufValue>, tensors: GgufTensor[], options: { version?: number } = {}): Uint8Array {
  const w = new Writer();
  w.parts.push(0x47, 0x47, 0x55, 0x46);
  w.u32(options.version ?? 3);
  w.u64(tensors.length);
  w.u64(Object.keys(metadata).length);
  for (const [key, v] of Object.entries(metadata)) {
    w.string(key);
    switch (v.type) {
      case "u32":
        w.u32(4);
        w.u32(v.value);
        break;
      case "u64":
        w.u32(10);
        w.u64(v.value);
        break;
      case "f32":
        w.u32(6);
        w.f32(v.value);
        break;
      case "bool":
        w.u32(7);
        w.u8(v.value ? 1 : 0);
        break;
      case "string":
        w.u32(8);
        w.string(v.value);
        break;
      case "string[]":
        w.u32(9);
        w.u32(8);
        w.u64(v.value.length);
        for (const s of v.value) w.string(s);
        break;
      case "i32[]":
        w.u32(9);
        w.u32(5);
        w.u64(v.value.length);
        for (const n of v.value) w.u32(n);
        break;
    }
  }
  let offset = 0;
  const sizes: number[] = [];
  for (const t of tensors) {
    w.string(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(t.type);
    w.u64(offset);
    const size = GGML_SIZE[t.type](t.dims.reduce((a, b) => a * b, 1));
    sizes.push(size);
    offset += Math.ceil(size / 32) * 32;
  }
  const headerEnd = Math.ceil(w.parts.length / 32) * 32;
  const out = new Uint8Array(headerEnd + offset);
  out.set(w.parts);
  for (let i = headerEnd; i < out.byteLength; i++) out[i] = (i * 7) & 0xff;
  return out;
}

/** A raw pickle (protocol 4), as torch.save wrote before zip archives. */
export function pickleFile(): Uint8Array {
  return new Uint8Array([
    0x80, 0x04, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x7d, 0x94, 0x8c, 0x06, 0x77, 0x65, 0x69, 0x67, 0x68, 0x74, 0x94, 0x4b, 0x01, 0x73, 0x2e,
  ]);
}

/** A zip archive holding the given entries (deflated), like torch.save's archive/data.pkl + archive/data/0. */
export function zipFile(entries: Record<string, Uint8Array>): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  const push32 = (a: number[], ...vs: number[]) => vs.forEach((v) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff));
  const push16 = (a: number[], ...vs: number[]) => vs.forEach((v) => a.push(v & 0xff, (v >>> 8) & 0xff));
  let count = 0;
  for (const [name, data] of Object.entries(entries)) {
    const nameBytes = new TextEncoder().encode(name);
    const packed = deflateRawSync(data);
    const offset = local.length;
    push32(local, 0x04034b50);
    push16(local, 20, 0, 8, 0, 0);
    push32(local, 0, packed.byteLength, data.byteLength);
    push16(local, nameBytes.byteLength, 0);
    local.push(...nameBytes, ...packed);
    push32(central, 0x02014b50);
    push16(central, 20, 20, 0, 8, 0, 0);
    push32(central, 0, packed.byteLength, data.byteLength);
    push16(central, nameBytes.byteLength, 0, 0, 0, 0);
    push32(central, 0, offset);
    central.push(...nameBytes);
    count++;
  }
  const end: number[] = [];
  push32(end, 0x06054b50);
  push16(end, 0, 0, count, count);
  push32(end, central.length, local.length);
  push16(end, 0);
  return new Uint8Array([...local, ...central, ...end]);
}

/** A minimal ONNX ModelProto: ir_version, producer, a graph and an opset import. */
export function onnxFile(): Uint8Array {
  const producer = new TextEncoder().encode("pytorch");
  const graph = [0x0a, 0x03, 0x61, 0x64, 0x64]; // GraphProto { node: bytes } — content skipped by the check
  const opset = [0x0a, 0x00, 0x10, 0x11]; // { domain: "", version: 17 }
  return new Uint8Array([0x08, 0x08, 0x12, producer.byteLength, ...producer, 0x3a, graph.length, ...graph, 0x42, opset.length, ...opset]);
}

/** A RangeReader over bytes that records every read (to assert nothing is read past the end or in whole). */
export function bytesReader(bytes: Uint8Array): RangeReader & { reads: { start: number; length: number }[] } {
  const reads: { start: number; length: number }[] = [];
  const reader = async (start: number, length: number) => {
    reads.push({ start, length });
    return bytes.subarray(start, start + length);
  };
  return Object.assign(reader, { reads });
}
