/** Colours by maker: parties first, in party order, then mediators; the concession plot uses the same. */
export const PALETTE = [
  '#e4572e',
  '#1f77b4',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
  '#e377c2',
  '#ff7f0e',
];
