/**
 * The little of ONNX Runtime the reader uses, so that src/ stays free of any one runtime build:
 * the extension passes onnxruntime-web (WASM) and node the same package's WASM build.
 */
export interface OcrTensor {
  readonly dims: readonly number[];
  readonly data: unknown;
}

export interface OcrSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OcrTensor>): Promise<Record<string, OcrTensor>>;
  release?(): Promise<void>;
}

export interface OcrRuntime {
  createSession(model: Uint8Array): Promise<OcrSession>;
  tensor(data: Float32Array, dims: readonly number[]): OcrTensor;
}

/** The model files (PaddleOCR PP-OCRv4 detection and recognition, and the recognizer's characters). */
export interface OcrModels {
  det: Uint8Array;
  rec: Uint8Array;
  /** ppocr_keys_v1.txt: one character a line, in the recognizer's output order. */
  keys: string;
}
