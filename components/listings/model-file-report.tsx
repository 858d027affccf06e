// What the model file check found in a model file's header: format, size, hash, parameters, tensor types and, for
// GGUF, architecture, quantization and context length. Shown on the listing page and in the editor.
import type { ModelFileReport } from "@/lib/files/model-inspect";
import { formatBytes, formatParameterCount } from "@/lib/format";

const FORMAT_NAMES: Record<ModelFileReport["format"], string> = { safetensors: "safetensors", gguf: "GGUF", onnx: "ONNX" };

export function ModelFileFacts({ report, sha256 }: { report: ModelFileReport; sha256?: string | null }) {
  const rows: [string, string][] = [
    ["Format", `${FORMAT_NAMES[report.format]}${report.formatVersion ? ` (${report.format === "onnx" ? "IR " : "v"}${report.formatVersion})` : ""}`],
    ["Size", formatBytes(report.byteSize)],
  ];
  if (report.parameterCount !== null)
    rows.push(["Parameters", `${formatParameterCount(report.parameterCount)} (${report.parameterCount.toLocaleString("en-US")})`]);
  if (report.tensorCount !== null) rows.push(["Tensors", report.tensorCount.toLocaleString("en-US")]);
  if (report.dtypes.length) rows.push(["Tensor types", report.dtypes.join(", ")]);
  if (report.architecture) rows.push(["Architecture", report.architecture]);
  if (report.name) rows.push(["Model name", report.name]);
  if (report.quantization) rows.push(["Quantization", report.quantization]);
  if (report.contextLength) rows.push(["Context length", `${report.contextLength.toLocaleString("en-US")} tokens`]);
  if (report.producer) rows.push(["Exported by", report.producer]);
  if (report.opset) rows.push(["Opset", String(report.opset)]);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="model-file-report">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
      {sha256 ? (
        <div className="contents">
          <dt className="text-slate-500">SHA-256</dt>
          <dd className="break-all font-mono text-xs text-slate-700">{sha256}</dd>
        </div>
      ) : null}
    </dl>
  );
}
