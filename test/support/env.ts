/** The PostgreSQL server the medium tier runs against, when set (CI's second pass); PGlite otherwise. */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;
