/** Says once, loudly, when the PostgreSQL half of the suite will not run. */
export default function setup(): void {
  if (!process.env.TEST_DATABASE_URL) {
    const line = '!'.repeat(78);
    process.stderr.write(
      `\n${line}\n!! TEST_DATABASE_URL is not set: every PostgreSQL test is SKIPPED.\n!! Run with TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to test both engines.\n${line}\n\n`,
    );
  }
}
