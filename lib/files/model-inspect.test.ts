import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { inspectModelFile } from "./model-inspect";
import { bytesReader, ggufFile, onnxFile, pickleFile, safetensorsFile, safetensorsWithHeader, zipFile } from "./testing/model-files";

const inspect = (bytes: Uint8Array) => inspectModelFile(bytesReader(bytes), bytes.byteLength);

const LLAMA_METADATA = {
  "general.architecture": { type: "string", value: "llama" },
  "general.name": { type: "string", value: "Tiny Llama" },
  "general.file_type": { type: "u32", value: 15 },
  "general.alignment": { type: "u32", value: 32 },
  "llama.context_length": { type: "u32", value: 4096 },
  "llama.rope.freq_base": { type: "f32", value: 10000 },
  "tokenizer.ggml.tokens": { type: "string[]", value: ["<s>", "</s>", "hello", "world"] },
  "tokenizer.ggml.token_type": { type: "i32[]", value: [3, 3, 1, 1] },
  "tokenizer.ggml.add_bos_token": { type: "bool", value: true },
} as const;

const GGUF_TENSORS = [
  { name: "token_embd.weight", dims: [64, 4], type: 2 },
  { name: "output_norm.weight", dims: [64], type: 0 },
  { name: "output.weight", dims: [64, 4], type: 1 },
];

describe("safetensors", () => {
  it("reads dtypes, tensor and parameter counts and metadata from the header", async () => {
    const file = safetensorsFile(
      [
        { name: "embed.weight", dtype: "F16", shape: [10, 4] },
        { name: "lm_head.weight", dtype: "BF16", shape: [4, 10] },
        { name: "norm.bias", dtype: "F32", shape: [4] },
      ],
      { format: "pt" },
    );
    const result = await inspect(file);
    expect(result).toEqual({
      ok: true,
      report: {
        format: "safetensors",
        byteSize: file.byteLength,
        tensorCount: 3,
        parameterCount: 84,
        dtypes: ["BF16", "F16", "F32"],
        metadata: { format: "pt" },
      },
    });
  });

  it("reads only the header, never the tensor data", async () => {
    const file = safetensorsFile([{ name: "w", dtype: "F32", shape: [1000, 100] }]);
    const reader = bytesReader(file);
    await inspectModelFile(reader, file.byteLength);
    const read = reader.reads.reduce((n, r) => n + r.length, 0);
    expect(read).toBeLessThan(200);
  });

  it("refuses a truncated file", async () => {
    const file = safetensorsFile([{ name: "w", dtype: "F32", shape: [100] }]);
    const result = await inspect(file.subarray(0, file.byteLength - 10));
    expect(result).toMatchObject({ ok: false, code: "model_file.truncated" });
  });

  it("refuses a header length that runs past the file", async () => {
    const file = safetensorsFile([{ name: "w", dtype: "F32", shape: [4] }]);
    new DataView(file.buffer).setBigUint64(0, BigInt(file.byteLength * 2), true);
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.truncated" });
  });

  it("refuses a header length beyond the header cap before reading it", async () => {
    const file = safetensorsFile([{ name: "w", dtype: "F32", shape: [4] }]);
    new DataView(file.buffer).setBigUint64(0, 2n ** 40n, true);
    const reader = bytesReader(file);
    expect(await inspectModelFile(reader, 2 ** 41)).toMatchObject({ ok: false, code: "model_file.header_too_large" });
    expect(reader.reads).toEqual([{ start: 0, length: 16 }]);
  });

  it("refuses offsets that lie about the data size", async () => {
    const file = safetensorsWithHeader(
      { w: { dtype: "F32", shape: [4], data_offsets: [0, 16] }, v: { dtype: "F32", shape: [1000], data_offsets: [16, 4016] } },
      16,
    );
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.truncated" });
  });

  it("refuses overlapping tensors", async () => {
    const file = safetensorsWithHeader({ a: { dtype: "F32", shape: [4], data_offsets: [0, 16] }, b: { dtype: "F32", shape: [4], data_offsets: [8, 24] } }, 24);
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.malformed", message: expect.stringContaining("overlaps") });
  });

  it("refuses a shape that does not match its byte span", async () => {
    const file = safetensorsWithHeader({ a: { dtype: "F32", shape: [5], data_offsets: [0, 16] } }, 16);
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.malformed" });
  });

  it("refuses a header that is not JSON", async () => {
    const file = safetensorsWithHeader({}, 0);
    file.set(new TextEncoder().encode("{x"), 8);
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.malformed" });
  });
});

describe("GGUF", () => {
  it("reads architecture, name, quantization, context length, dtypes and parameters", async () => {
    const file = ggufFile(LLAMA_METADATA, GGUF_TENSORS);
    const result = await inspect(file);
    expect(result).toEqual({
      ok: true,
      report: {
        format: "gguf",
        byteSize: file.byteLength,
        tensorCount: 3,
        parameterCount: 64 * 4 + 64 + 64 * 4,
        dtypes: ["F16", "F32", "Q4_0"],
        formatVersion: 3,
        architecture: "llama",
        name: "Tiny Llama",
        quantization: "Q4_K_M",
        contextLength: 4096,
      },
    });
  });

  it("accepts version 2 and refuses version 1", async () => {
    expect(await inspect(ggufFile(LLAMA_METADATA, GGUF_TENSORS, { version: 2 }))).toMatchObject({ ok: true, report: { formatVersion: 2 } });
    expect(await inspect(ggufFile(LLAMA_METADATA, GGUF_TENSORS, { version: 1 }))).toMatchObject({ ok: false, code: "model_file.malformed" });
  });

  it("refuses a file cut inside the tensor data", async () => {
    const file = ggufFile(LLAMA_METADATA, GGUF_TENSORS);
    expect(await inspect(file.subarray(0, file.byteLength - 100))).toMatchObject({ ok: false, code: "model_file.truncated" });
  });

  it("refuses a file cut inside the metadata", async () => {
    const file = ggufFile(LLAMA_METADATA, GGUF_TENSORS);
    expect(await inspect(file.subarray(0, 60))).toMatchObject({ ok: false, code: "model_file.truncated" });
  });

  it("refuses a key/value count beyond the cap without walking it", async () => {
    const file = ggufFile(LLAMA_METADATA, GGUF_TENSORS);
    new DataView(file.buffer).setBigUint64(16, 10n ** 12n, true);
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.header_too_large" });
  });

  it("refuses a string array whose count cannot fit in the file", async () => {
    const file = ggufFile({ "tokenizer.ggml.tokens": { type: "string[]", value: ["a"] } }, []);
    // magic 4 + version 4 + counts 16 + key (8 + 21) + type 4 + item type 4 → the array count
    new DataView(file.buffer).setBigUint64(4 + 4 + 16 + 8 + 21 + 4 + 4, 10n ** 9n, true);
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.truncated" });
  });

  it("refuses tensors that overlap", async () => {
    const file = ggufFile({}, [
      { name: "a", dims: [32], type: 0 },
      { name: "b", dims: [32], type: 0 },
    ]);
    // The second tensor's offset (last 8 bytes of its info) pointed back to 0: both claim the same bytes.
    const text = new TextDecoder("latin1").decode(file);
    const at = text.indexOf("\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000b") + 9 + 4 + 8 + 4;
    new DataView(file.buffer).setBigUint64(at, 0n, true);
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.malformed", message: expect.stringContaining("overlaps") });
  });
});

describe("ONNX", () => {
  it("recognises a ModelProto and records IR version, producer and opset", async () => {
    const file = onnxFile();
    expect(await inspect(file)).toEqual({
      ok: true,
      report: {
        format: "onnx",
        byteSize: file.byteLength,
        tensorCount: null,
        parameterCount: null,
        dtypes: [],
        formatVersion: 8,
        producer: "pytorch",
        opset: 17,
      },
    });
  });
});

describe("refusals", () => {
  it("refuses a raw pickle, explaining the code-execution risk and how to convert", async () => {
    const result = await inspect(pickleFile());
    expect(result).toMatchObject({ ok: false, code: "model_file.pickle" });
    if (!result.ok) {
      expect(result.message).toContain("arbitrary code");
      expect(result.message).toContain("safetensors");
      expect(result.message).toContain("convert_hf_to_gguf.py");
    }
  });

  it("refuses a PyTorch zip archive holding data.pkl, whatever it is named", async () => {
    const file = zipFile({ "archive/data.pkl": pickleFile(), "archive/data/0": new Uint8Array(64), "archive/version": new TextEncoder().encode("3\n") });
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.pickle" });
  });

  it("refuses a zip bomb without inflating it", async () => {
    const file = zipFile({ "bomb.txt": new Uint8Array(20 * 1024 * 1024) });
    expect(file.byteLength).toBeLessThan(100_000);
    expect(await inspect(file)).toMatchObject({ ok: false, code: "model_file.unrecognised", message: expect.stringContaining("zip archive") });
  });

  it("refuses bytes that are no model format", async () => {
    expect(await inspect(new TextEncoder().encode("just some text, not weights"))).toMatchObject({ ok: false, code: "model_file.unrecognised" });
    expect(await inspect(new Uint8Array())).toMatchObject({ ok: false, code: "model_file.unrecognised" });
  });
});

describe("hostile headers", () => {
  const guardedReader = (bytes: Uint8Array) => {
    const reads: { start: number; length: number }[] = [];
    const read = async (start: number, length: number) => {
      reads.push({ start, length });
      return bytes.slice(start, start + length);
    };
    return { read, reads };
  };

  const valid = [
    safetensorsFile([
      { name: "a", dtype: "F16", shape: [8, 2] },
      { name: "b", dtype: "F32", shape: [3] },
    ]),
    ggufFile(LLAMA_METADATA, GGUF_TENSORS),
    onnxFile(),
  ];

  it("never throws and never reads past the end, whatever bytes of a valid header are changed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...valid.keys()),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (which, mutations, cut) => {
          const bytes = valid[which].slice();
          const headerSpan = Math.min(bytes.byteLength, 400);
          for (const [at, value] of mutations) bytes[at % headerSpan] = value;
          const size = cut === undefined ? bytes.byteLength : cut % (bytes.byteLength + 1);
          const { read, reads } = guardedReader(bytes.subarray(0, size));
          const result = await inspectModelFile(read, size);
          expect(typeof result.ok).toBe("boolean");
          if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
          for (const r of reads) expect(r.start + r.length).toBeLessThanOrEqual(size);
        },
      ),
      { numRuns: 600 },
    );
  });
});
