export * from './deps';
export { importConfig, exportConfig, ConfigValidationError } from './config';
export { planPolls, groupFeeds, type FeedJob } from './plan-polls';
export { pollFeed, type PollResult } from './poll-feed';
export { dispatchPolls, type JobQueue } from './dispatch-polls';
export { pollJobs, pollOnce } from './poll-all';
export { sendDigests, type DigestResult } from './send-digests';
