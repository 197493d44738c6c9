import { startFakeQdrant } from '@youworker/vector/testing';
const fake = await startFakeQdrant();
console.log(fake.url);
setInterval(() => {}, 1000);
