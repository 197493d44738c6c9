export { error, success } from './tool-result.ts';
