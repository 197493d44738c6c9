import { main } from './web-client.ts';

process.exitCode = await main(process.argv.slice(2));
