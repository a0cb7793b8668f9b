import { z } from "zod";

export const ZAlias = z
  .string()
  .trim()
  .max(60, "The name is at most 60 characters.")
  .nullish()
  .transform((s) => (s ? s : null));

export const ZSaveFavorite = z.object({
  stationId: z.uuid({ error: "Unknown station." }),
  alias: ZAlias,
});
export type TSaveFavorite = z.input<typeof ZSaveFavorite>;

export const ZRemoveFavorite = z.object({ stationId: z.uuid({ error: "Unknown station." }) });
