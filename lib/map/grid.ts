// Grid clustering: a cell is roughly CELL_PX screen pixels wide at the given
// zoom, so a cluster pin never overlaps its neighbours much. The cell grows
// if the box is so large that it would hold more than MAX_ITEMS cells, which
// caps the response however the client sizes its box.
import type { TBbox } from "./filters.ts";

export const MAX_ITEMS = 300;
export const CELL_PX = 80;

export function bboxWidth(b: TBbox): number {
  return b.west <= b.east ? b.east - b.west : 360 - (b.west - b.east);
}

export function bboxCentre(b: TBbox): { lat: number; lng: number } {
  let lng = b.west + bboxWidth(b) / 2;
  if (lng > 180) lng -= 360;
  return { lat: (b.south + b.north) / 2, lng };
}

export type TGrid = { cellLng: number; cellLat: number };

export function gridFor(b: TBbox, zoom: number, maxCells = MAX_ITEMS): TGrid {
  const degPerPx = 360 / (256 * 2 ** Math.floor(zoom));
  // Web Mercator stretches latitude by 1/cos(lat): a square on screen is
  // shorter in degrees of latitude. The box centre stands for the whole box.
  const latScale = Math.max(0.2, Math.cos((bboxCentre(b).lat * Math.PI) / 180));
  let cellLng = CELL_PX * degPerPx;
  const width = bboxWidth(b);
  const height = b.north - b.south;
  // +1 per axis: cells are aligned to a global grid, so the box cuts into
  // one more cell on each axis than its size alone suggests (+1 more for a
  // box split at the antimeridian).
  const split = b.west > b.east ? 1 : 0;
  const cells = (c: number) => (Math.ceil(width / c) + 1 + split) * (Math.ceil(height / (c * latScale)) + 1);
  while (cells(cellLng) > maxCells) cellLng *= 1.25;
  return { cellLng, cellLat: cellLng * latScale };
}
