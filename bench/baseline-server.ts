/** The baseline of `npm run bench:http`: a bare Fastify hello-world, no plugins, no logging. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/health', () => ({ status: 'ok' }));
await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
