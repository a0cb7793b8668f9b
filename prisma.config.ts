// Prisma 7 reads the connection from here (only the stock CLI uses it; the app
// and our offline migration runner build their own connections in lib/db).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/chargeway" },
});
