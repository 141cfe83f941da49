/** A trend chart as report data: what to draw and what to say about it. render draws it. */
export interface Chart {
  readonly title: string;
  /** The trend in words, for readers who cannot see the image. */
  readonly alt: string;
  readonly unit: string;
  readonly decimals: number;
  /** YYYY-MM and value (null: no value that month), oldest first. */
  readonly points: readonly { readonly month: string; readonly value: number | null }[];
  readonly target?: number;
  readonly england?: number;
  readonly statisticalNeighbours?: number;
}
