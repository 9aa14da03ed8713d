/** The document model every importer returns and the engine reads. */

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell';

export interface Block {
  kind: BlockKind;
  /** UTF-16 offsets into `Document.text`, `[start, end)`. */
  start: number;
  end: number;
  /** Heading level (1 = top) for headings. */
  level?: number;
  /** 1-based page number, where the source has pages. */
  page?: number;
}

export interface Document {
  text: string;
  blocks: Block[];
}
