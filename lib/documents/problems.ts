/**
 * Why a document file cannot be analyzed, each with a clear zh-CN message. Thrown by lib/documents;
 * the side panel, background and CLI show `message` as is and write nothing to the library.
 */
export type DocumentProblem =
  | 'empty'
  | 'binary'
  | 'doc_legacy'
  | 'zip_not_docx'
  | 'docx_broken'
  | 'docx_no_text'
  | 'pdf_password'
  | 'pdf_broken'
  | 'pdf_no_text'
  | 'pdf_too_many_pages'
  | 'too_large'
  | 'too_much_text';

/** Limits that keep a stray file from hanging the reader: a notice is a few pages, never hundreds. */
export const DOCUMENT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxPdfPages: 60,
  maxChars: 300_000,
} as const;

const MESSAGES: Record<DocumentProblem, (name: string, detail: string) => string> = {
  empty: (n) => `“${n}”是空文件，没有可分析的内容。`,
  binary: (n) => `“${n}”不是文本、网页、Word（.docx）或 PDF 文件，无法分析。`,
  doc_legacy: (n) => `“${n}”是旧版 Word 文档（.doc），暂不能直接读取。请用 Word 或 WPS 打开后“另存为” .docx 或 PDF，再添加。`,
  zip_not_docx: (n) => `“${n}”是压缩包，不是 Word（.docx）文档。请解压后选择其中的通报文件。`,
  docx_broken: (n, d) => `“${n}”无法作为 Word 文档读取（文件可能已损坏）${d ? `：${d}` : ''}。`,
  docx_no_text: (n) => `“${n}”中没有文字（可能只有图片或扫描件），无法分析。请使用带文字的版本。`,
  pdf_password: (n) => `“${n}”是加密（需要密码）的 PDF，无法读取。请使用未加密的版本。`,
  pdf_broken: (n, d) => `“${n}”无法作为 PDF 读取（文件可能已损坏）${d ? `：${d}` : ''}。`,
  pdf_no_text: (n) => `“${n}”没有文字层（可能是扫描件或图片），无法分析。请先用 OCR 识别成文字，或使用网站提供的文字版。`,
  pdf_too_many_pages: (n, d) => `“${n}”共 ${d} 页，超过 ${DOCUMENT_LIMITS.maxPdfPages} 页上限（整改通报一般只有几页），未分析。请只导出通报所在的页面后再添加。`,
  too_large: (n) => `“${n}”超过 ${DOCUMENT_LIMITS.maxBytes / 1024 / 1024} MB，未分析。`,
  too_much_text: (n, d) => `“${n}”文字过多（约 ${d} 字，上限 ${DOCUMENT_LIMITS.maxChars} 字），不像一份整改通报，未分析。`,
};

export class DocumentError extends Error {
  constructor(
    readonly problem: DocumentProblem,
    fileName: string,
    detail = '',
  ) {
    super(MESSAGES[problem](fileName, detail));
    this.name = 'DocumentError';
  }
}
