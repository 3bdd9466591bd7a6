// The test set-up of this repository's packages, apps and harness, written once. Private: the
// test helpers a team installing @cern-sso/api-access would use are in its `./testing` instead.
export { eventually, type EventuallyOptions } from './eventually.js';
export {
  answerJson,
  startFakeTarget,
  type FakeTarget,
  type ReceivedRequest,
  type TargetAnswer,
} from './fake-target.js';
export { gate, manualClock, type ManualClock } from './manual-clock.js';
export { RecordingLogger } from './recording-logger.js';
